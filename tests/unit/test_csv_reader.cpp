// Text → records → cells (csv_reader.hpp): records spanning several
// physical lines, RFC 4180 quoting, the four delimiters.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cchc::RawRecord;
using cchc::split_record;

namespace {

std::vector<RawRecord> read_records(const std::string &bytes) {
    cchc::RecordReader reader("t.csv", cchc::test::source_of(bytes), cchc::Lang::en);
    std::vector<RawRecord> out;
    RawRecord record;
    while (reader.next(record))
        out.push_back(record);
    return out;
}

std::vector<std::string> split(const std::string &text, char delimiter, long line = 1) {
    RawRecord record;
    record.line = line;
    record.last_line = line;
    record.text = text;
    std::vector<std::string> cells;
    split_record(record, delimiter, "t.csv", cells, cchc::Lang::en);
    return cells;
}

using Cells = std::vector<std::string>;

} // namespace

TEST_CASE("a quoted cell with line breaks forms one record") {
    std::vector<RawRecord> records = read_records("Mục,Ghi chú,Điểm\n"
                                                  "1.1,\"Hoàn thành 44/46\n"
                                                  "nhiệm vụ, đạt 95,68%\n"
                                                  "- Các bộ phận\",1.91\n"
                                                  "1.2,ok,1\n");
    REQUIRE(records.size() == 3);
    SUBCASE("line numbers are physical") {
        CHECK(records[0].line == 1);
        CHECK(records[0].last_line == 1);
        CHECK(records[1].line == 2);
        CHECK(records[1].last_line == 4);
        CHECK(records[2].line == 5);
        CHECK(records[2].last_line == 5);
    }
    SUBCASE("the record keeps its inner line breaks") {
        CHECK(records[1].text == "1.1,\"Hoàn thành 44/46\nnhiệm vụ, đạt 95,68%\n- Các bộ phận\",1.91");
    }
    SUBCASE("the cells") {
        CHECK(split(records[1].text, ',') ==
              Cells{"1.1", "Hoàn thành 44/46\nnhiệm vụ, đạt 95,68%\n- Các bộ phận", "1.91"});
    }
}

TEST_CASE("the record reader handles line ends and blank lines") {
    SUBCASE("CRLF inside and after a quoted cell") {
        std::vector<RawRecord> records = read_records("a,\"x\r\ny\"\r\nb,c\r\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].text == "a,\"x\ny\"");
        CHECK(records[0].last_line == 2);
        CHECK(records[1].text == "b,c");
        CHECK(records[1].line == 3);
    }
    SUBCASE("a missing final newline") {
        std::vector<RawRecord> records = read_records("a,b\n1,2");
        REQUIRE(records.size() == 2);
        CHECK(records[1].text == "1,2");
        CHECK(records[1].line == 2);
    }
    SUBCASE("blank lines are records and count as lines") {
        std::vector<RawRecord> records = read_records("a\n\nb\n");
        REQUIRE(records.size() == 3);
        CHECK(records[1].text.empty());
        CHECK(records[1].line == 2);
        CHECK(records[2].line == 3);
    }
    SUBCASE("an empty input has no records") {
        CHECK(read_records("").empty());
    }
    SUBCASE("doubled quotes do not end a multi-line cell") {
        std::vector<RawRecord> records = read_records("1,\"say \"\"hi\n\"\"\",2\n3,4\n");
        REQUIRE(records.size() == 2);
        CHECK(records[0].line == 1);
        CHECK(records[0].last_line == 2);
        CHECK(split(records[0].text, ',') == Cells{"1", "say \"hi\n\"", "2"});
        CHECK(records[1].line == 3);
    }
}

TEST_CASE("an unterminated quote at the end of the file names the record start line") {
    cchc::RecordReader reader("t.csv", cchc::test::source_of("a,b\n1,2\n3,\"open\nmore\nstill\n"), cchc::Lang::en);
    RawRecord record;
    REQUIRE(reader.next(record));
    REQUIRE(reader.next(record));
    try {
        reader.next(record);
        FAIL("no InputError for the unclosed quote");
    } catch (const cchc::InputError &e) {
        CHECK(e.file() == "t.csv");
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("quote") != std::string::npos);
    }
}

TEST_CASE("split_record removes quotes and doubled quotes") {
    SUBCASE("doubled quotes") {
        CHECK(split("\"He said \"\"hi\"\"\",2", ',') == Cells{"He said \"hi\"", "2"});
    }
    SUBCASE("a quoted delimiter") {
        CHECK(split("1.6,\"Thực hiện cam kết cải thiện, nâng cao\",1", ',') ==
              Cells{"1.6", "Thực hiện cam kết cải thiện, nâng cao", "1"});
    }
    SUBCASE("empty cells and trailing delimiters") {
        CHECK(split("a,,b,", ',') == Cells{"a", "", "b", ""});
    }
    SUBCASE("a line of delimiters") {
        CHECK(split(",,,,", ',') == Cells{"", "", "", "", ""});
    }
    SUBCASE("spaces around cells are trimmed") {
        CHECK(split(" 1.1 , Tốt ,2", ',') == Cells{"1.1", "Tốt", "2"});
    }
    SUBCASE("an empty quoted cell") {
        CHECK(split("\"\",x", ',') == Cells{"", "x"});
    }
    SUBCASE("cells are normalised to NFC") {
        CHECK(split("To\xCC\x82\xCC\x81t,x", ',') == Cells{"T\xE1\xBB\x91t", "x"});
    }
}

TEST_CASE("split_record splits at each supported delimiter") {
    SUBCASE("comma") {
        CHECK(split("a,\"b,c\",d", ',') == Cells{"a", "b,c", "d"});
    }
    SUBCASE("semicolon") {
        CHECK(split("1.1;\"Tổ chức; thực hiện\";1,5", ';') == Cells{"1.1", "Tổ chức; thực hiện", "1,5"});
    }
    SUBCASE("tab") {
        CHECK(split("1.1\tA, B\t2", '\t') == Cells{"1.1", "A, B", "2"});
    }
    SUBCASE("pipe") {
        CHECK(split("1.1|\"a|b\"|2", '|') == Cells{"1.1", "a|b", "2"});
    }
    SUBCASE("a delimiter other than the four is refused") {
        try {
            split("a:b", ':', 7);
            FAIL("no InputError for ':'");
        } catch (const cchc::InputError &e) {
            CHECK(e.line() == 7);
        }
    }
}

TEST_CASE("split_record reports broken quoting with the record line") {
    try {
        split("a,\"unclosed", ',', 12);
        FAIL("no InputError for the broken quoting");
    } catch (const cchc::InputError &e) {
        CHECK(e.file() == "t.csv");
        CHECK(e.line() == 12);
        CHECK(std::string(e.what()) == "broken quoting: Escaped string was not closed in line -1 in file \"\".");
    }
}

TEST_CASE("count_delimiters ignores delimiters inside quotes") {
    CHECK(cchc::count_delimiters("a,\"b,c\",d", ',') == 2);
    CHECK(cchc::count_delimiters("a;\"b;c;d\";e", ';') == 2);
    CHECK(cchc::count_delimiters("a\t\"b\tc\"", '\t') == 1);
    CHECK(cchc::count_delimiters("a|b|c|d", '|') == 3);
    CHECK(cchc::count_delimiters("a,\"b,c\",d", ';') == 0);
    CHECK(cchc::count_delimiters("\"x,\"\"y\"\",z\"", ',') == 0);
    CHECK(cchc::count_delimiters("", ',') == 0);
}

TEST_CASE("records longer than the parser's 16 MiB limit are an InputError with their line") {
    SUBCASE("one long physical line") {
        std::string bytes = "a,b\n1,2\n" + std::string((1 << 24) + 10, 'x') + "\n3,4\n";
        cchc::RecordReader reader("t.csv", cchc::test::source_of(std::move(bytes)), cchc::Lang::en);
        RawRecord record;
        REQUIRE(reader.next(record));
        REQUIRE(reader.next(record));
        try {
            reader.next(record);
            FAIL("no InputError for the long line");
        } catch (const cchc::InputError &e) {
            CHECK(e.file() == "t.csv");
            CHECK(e.line() == 3);
        }
    }
    SUBCASE("a quoted cell over many short lines") {
        std::string line(1000, 'y');
        line += '\n';
        std::string bytes = "a,b\n1,\"";
        while (bytes.size() <= (1u << 24) + 2000)
            bytes += line;
        cchc::RecordReader reader("t.csv", cchc::test::source_of(std::move(bytes)), cchc::Lang::en);
        RawRecord record;
        REQUIRE(reader.next(record));
        try {
            reader.next(record);
            FAIL("no InputError for the long record");
        } catch (const cchc::InputError &e) {
            CHECK(e.line() == 2);
        }
    }
}
