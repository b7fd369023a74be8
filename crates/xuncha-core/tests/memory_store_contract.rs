//! Runs the store contract on the in-memory store.

macro_rules! on_memory_store {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                let store = xuncha_core::store::MemoryStore::new();
                pollster::block_on(xuncha_core::contract::$case(&store));
            }
        )*
    };
}

xuncha_core::for_each_contract_case!(on_memory_store);
