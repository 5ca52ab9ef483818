// The criteria catalog (catalog.hpp): codes, names and maxima, the leaves,
// the index scale, and the errors that make a catalog unusable.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/model/catalog.hpp>

#include <doctest/doctest.h>

#include <string>

using cchc::Catalog;

namespace {

Catalog catalog_of(const std::string &bytes, const std::string &name = "catalog.csv") {
    cchc::test::TempDir dir;
    return cchc::load_catalog(dir.write(name, bytes), {});
}

/// The line of the InputError that reading `bytes` as a catalog throws.
long error_line(const std::string &bytes) {
    try {
        catalog_of(bytes);
    } catch (const cchc::InputError &e) {
        return e.line();
    }
    FAIL("no InputError for this catalog");
    return 0;
}

} // namespace

TEST_CASE("the sample catalog of the reference sheet") {
    const std::string path = std::string(CCHC_SOURCE_DIR) + "/samples/catalog-phuong-1-2023.csv";
    Catalog catalog = cchc::load_catalog(path, {});
    CHECK(catalog.file == path);
    CHECK(catalog.entries.size() == 16);
    CHECK(catalog.leaf_total.format() == "20.00");
    REQUIRE(catalog.stated_total.has_value());
    CHECK(catalog.scale().format() == "100.00");
    const cchc::CatalogEntry *entry = catalog.find("7.1.4");
    REQUIRE(entry != nullptr);
    CHECK(entry->max.format() == "2.00");
    CHECK(entry->line == 14);
    CHECK(entry->leaf);
    CHECK(catalog.find("7.1") == nullptr);
    CHECK(catalog.find("3.1") == nullptr);
}

TEST_CASE("a catalog with parents: leaves, Roman domains and the scale") {
    Catalog catalog = catalog_of("Mục,Nội dung,Điểm tối đa\n"
                                 "II,\"Cải cách\nthể chế\",3\n"
                                 "2.1,Xây dựng văn bản,1\n"
                                 "2.2,Kiểm tra văn bản,2\n"
                                 "3.10,Mười,1.5\n"
                                 "\n");
    REQUIRE(catalog.entries.size() == 4);
    CHECK(catalog.entries[0].key == "2");
    CHECK(catalog.entries[0].name == "Cải cách thể chế");
    CHECK_FALSE(catalog.entries[0].leaf);
    CHECK(catalog.entries[1].leaf);
    CHECK(catalog.leaf_total.format() == "4.50");
    CHECK_FALSE(catalog.stated_total.has_value());
    CHECK(catalog.scale().format() == "4.50");
    CHECK(catalog.find("2") == &catalog.entries[0]);
    CHECK(catalog.find("3.10") != nullptr);
    CHECK(catalog.find("3.1") == nullptr);
}

TEST_CASE("a catalog that cannot be used is an InputError with its line") {
    SUBCASE("a code listed twice") {
        CHECK(error_line("code,name,max\n1.1,A,1\n1.2,B,1\n1.1,C,2\n") == 4);
    }
    SUBCASE("a max that is not a number") {
        CHECK(error_line("code,name,max\n1.1,A,1\n1.2,B,hai\n") == 3);
    }
    SUBCASE("a bad code") {
        CHECK(error_line("code,name,max\n1.1,A,1\n1.x,B,1\n") == 3);
    }
    SUBCASE("no max column") {
        CHECK(error_line("code,name\n1.1,A\n") == 1);
    }
    SUBCASE("no criteria") {
        CHECK_THROWS_AS(catalog_of("code,name,max\n"), cchc::InputError);
    }
    SUBCASE("a total that is not positive") {
        CHECK(error_line("code,name,max\n1.1,A,1\nTổng cộng,,0\n") == 3);
    }
    SUBCASE("a total below the criteria's maxima") {
        CHECK(error_line("code,name,max\n1.1,A,2\n1.2,B,1\nTổng cộng,,1\n") == 4); // the total row
    }
}

TEST_CASE("a total row labelled in the name column states the scale") {
    Catalog catalog = catalog_of("code,name,max\n1.1,A,2\n1.2,B,1\n,Tổng cộng,100\n");
    CHECK(catalog.entries.size() == 2);
    REQUIRE(catalog.stated_total.has_value());
    CHECK(catalog.scale().format() == "100.00");
    SUBCASE("near miss: without a total row the leaves give the scale") {
        CHECK(catalog_of("code,name,max\n1.1,A,2\n1.2,B,1\n").scale().format() == "3.00");
    }
}
