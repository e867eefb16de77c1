//! Loading what the lineage views need from a store: every version with its text, and the
//! pins. The one place where reading git (`store`) meets computing (`lineage`), so that
//! neither imports the other.

use crate::error::Result;
use crate::lineage::{self, Input, Lineage};
use crate::store::Store;

/// Reads every version of `store` (parents first) with its text, and builds their lineage,
/// honouring the store's pins.
pub fn lineage(store: &Store) -> Result<Lineage> {
    let mut inputs = Vec::new();
    for v in store.versions()? {
        let body = store.body(&v)?;
        inputs.push(Input::new(&v, body));
    }
    let pins = store.pins()?;
    Ok(lineage::build(inputs, &pins, &lineage::lineage_options()))
}
