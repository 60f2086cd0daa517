//! The ids of the formats' rows and columns, each declared once: code names a row or a
//! column by these constants ([`rows::RECEIVED`], [`columns::NATURAL_PERSON`]), so a
//! misspelt id does not compile. The strings are stable: they are hashed into each
//! finding's fingerprint and printed by `xxgk-lint recognize`, never shown as labels.

use serde::Serialize;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(&'static str);

        impl $name {
            /// An id. The formats' ids are the constants of this module; a new one is made
            /// only where a format (or a test's made-up one) declares a new row or column.
            pub const fn new(id: &'static str) -> $name {
                $name(id)
            }

            pub const fn as_str(self) -> &'static str {
                self.0
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.0, f)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }
    };
}

id_type!(
    /// A row of a statutory table, e.g. [`rows::RECEIVED`].
    RowId
);
id_type!(
    /// A value column of a statutory table, e.g. [`columns::NATURAL_PERSON`].
    ColumnId
);

macro_rules! ids {
    ($ty:ident: $($(#[$doc:meta])* $name:ident = $id:literal),* $(,)?) => {
        $($(#[$doc])* pub const $name: $ty = $ty::new($id);)*
    };
}

/// Row ids, in table order (both revisions' rows; a row both print has one id).
pub mod rows {
    use super::RowId;

    // 表二 (docs/format.md §4.1, §5.1).
    ids!(RowId:
        REGULATIONS = "regulations",
        NORMATIVE_DOCUMENTS = "normative_documents",
        LICENSING = "licensing",
        OTHER_SERVICES = "other_services",
        PENALTIES = "penalties",
        COERCION = "coercion",
        FEES = "fees",
        PROCUREMENT = "procurement",
    );
    // 表三 (§4.2, §5.2).
    ids!(RowId:
        RECEIVED = "received",
        CARRIED_IN = "carried_in",
        DISCLOSED = "disclosed",
        PARTLY_DISCLOSED = "partly_disclosed",
        WITHHELD_STATE_SECRET = "withheld_state_secret",
        WITHHELD_PROHIBITED = "withheld_prohibited",
        WITHHELD_SECURITY = "withheld_security",
        WITHHELD_THIRD_PARTY = "withheld_third_party",
        WITHHELD_INTERNAL_AFFAIRS = "withheld_internal_affairs",
        WITHHELD_PROCESS = "withheld_process",
        WITHHELD_ENFORCEMENT_FILES = "withheld_enforcement_files",
        WITHHELD_QUERY = "withheld_query",
        UNAVAILABLE_NOT_HELD = "unavailable_not_held",
        UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation",
        UNAVAILABLE_UNCLEAR = "unavailable_unclear",
        NOT_HANDLED_PETITION = "not_handled_petition",
        NOT_HANDLED_REPEATED = "not_handled_repeated",
        NOT_HANDLED_PUBLICATION = "not_handled_publication",
        NOT_HANDLED_EXCESSIVE = "not_handled_excessive",
        NOT_HANDLED_CONFIRMATION = "not_handled_confirmation",
        /// 2019's single （六）其他处理 row.
        OTHER_HANDLING = "other_handling",
        /// 2021's （六）其他处理 sub-items.
        OTHER_HANDLING_NO_CORRECTION = "other_handling_no_correction",
        OTHER_HANDLING_UNPAID_FEE = "other_handling_unpaid_fee",
        OTHER_HANDLING_OTHER = "other_handling_other",
        OUTCOMES_TOTAL = "outcomes_total",
        CARRIED_OUT = "carried_out",
    );
    // 表四's single value row (§5.3).
    ids!(RowId: CASES = "cases");
}

/// Column ids (both revisions' columns; a column both print has one id).
pub mod columns {
    use super::ColumnId;

    // 表二, 2019 (§4.1).
    ids!(ColumnId:
        NEW_MADE = "new_made",
        NEW_PUBLISHED = "new_published",
        PUBLISHED_TOTAL = "published_total",
        ITEMS_LAST_YEAR = "items_last_year",
        ITEMS_CHANGE = "items_change",
        PROCUREMENT_ITEMS = "procurement_items",
        PROCUREMENT_AMOUNT = "procurement_amount",
    );
    // 表二, 2021 (§5.1).
    ids!(ColumnId:
        ISSUED = "issued",
        REPEALED = "repealed",
        IN_FORCE = "in_force",
        FEES_AMOUNT = "fees_amount",
    );
    // 表二, both.
    ids!(ColumnId: DECISIONS = "decisions");
    // 表三 (§4.2 = §5.2).
    ids!(ColumnId:
        NATURAL_PERSON = "natural_person",
        BUSINESS = "business",
        RESEARCH = "research",
        NONPROFIT = "nonprofit",
        LEGAL_SERVICES = "legal_services",
        OTHER = "other",
        TOTAL = "total",
    );
    // 表四 (§5.3).
    ids!(ColumnId:
        REVIEW_UPHELD = "review_upheld",
        REVIEW_CORRECTED = "review_corrected",
        REVIEW_OTHER = "review_other",
        REVIEW_PENDING = "review_pending",
        REVIEW_TOTAL = "review_total",
        DIRECT_SUIT_UPHELD = "direct_suit_upheld",
        DIRECT_SUIT_CORRECTED = "direct_suit_corrected",
        DIRECT_SUIT_OTHER = "direct_suit_other",
        DIRECT_SUIT_PENDING = "direct_suit_pending",
        DIRECT_SUIT_TOTAL = "direct_suit_total",
        SUIT_AFTER_REVIEW_UPHELD = "suit_after_review_upheld",
        SUIT_AFTER_REVIEW_CORRECTED = "suit_after_review_corrected",
        SUIT_AFTER_REVIEW_OTHER = "suit_after_review_other",
        SUIT_AFTER_REVIEW_PENDING = "suit_after_review_pending",
        SUIT_AFTER_REVIEW_TOTAL = "suit_after_review_total",
    );
}
