-- Schema version 9: names in Turkish alphabetical order.

-- A key whose byte order is the Turkish alphabet's (A B C Ç D E F G Ğ H I İ J K L M N O Ö P R S Ş
-- T U Ü V Y Z, with Q, W and X where English has them), upper and lower case alike, â î û as a i
-- u: `ORDER BY turkish_order(name)` puts Çorum after Bursa and before Denizli, İzmir after
-- Iğdır, Şanlıurfa after Sinop, where a plain `ORDER BY name` puts every Turkish capital after Z.
-- DuckDB's ICU collations are an extension this build does not have. Letters become the
-- characters A to ` in order; other characters stay as they are. src/turkish.rs (sort_key) holds
-- the same table for lists Rust sorts, and a test checks the two agree.
CREATE OR REPLACE MACRO turkish_order(_name) AS
    translate(_name, 'AaÂâBbCcÇçDdEeFfGgĞğHhIıİiÎîJjKkLlMmNnOoÖöPpQqRrSsŞşTtUuÜüÛûVvWwXxYyZz',
                     'AAAABBCCDDEEFFGGHHIIJJKKLLLLMMNNOOPPQQRRSSTTUUVVWWXXYYZZ[[ZZ\\]]^^__``');
