//! Any bytes given to the exchange-file reader must yield a file or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xuncha_core::exchange::format::ExchangeFile;
use xuncha_core::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    match ExchangeFile::open(data, None) {
        Ok(file) => {
            let _ = file.check_references(&|_, _| false);
            let _ = file.to_json();
        }
        Err(e) => {
            let _ = e.message(Lang::Zh);
        }
    }
});
