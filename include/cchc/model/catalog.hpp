#pragma once
// The criteria catalog (bộ tiêu chí): the official list of codes, names and
// maxima, a CSV with the columns code,name,max (extra columns allowed). It
// validates a sheet's maxima, names the codes it does not know, gives the
// index its scale (the total of the leaf maxima, or a "Tổng cộng" row for a
// catalog that lists only some criteria) and fills `template`.
// Read through the same input stages as a sheet, so it may be any
// encoding or delimiter a sheet may be.

#include <cchc/layout/loader.hpp>
#include <cchc/model/decimal.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cchc {

struct CatalogEntry {
    std::string code;
    std::string key; ///< hierarchy key, as Row::key
    std::string name;
    Decimal max;
    long line = 0;
    bool leaf = true; ///< no other entry's key starts with this key + "."
};

struct Catalog {
    std::string file;
    std::vector<CatalogEntry> entries;   ///< in file order
    Decimal leaf_total;                  ///< Σ max of the leaves
    std::optional<Decimal> stated_total; ///< a "Tổng cộng" row's max, for a catalog that lists only some criteria
    long stated_total_line = 0;

    /// What the index is out of: the stated total, else the leaves' sum.
    Decimal scale() const { return stated_total ? *stated_total : leaf_total; }

    const CatalogEntry *find(const std::string &key) const;
    std::unordered_map<std::string, std::size_t> by_key;
};

/// Reads a catalog; every problem (no such file, a missing column, a max
/// that is not a number, a code listed twice) is an Error or InputError,
/// since a wrong catalog would make every check wrong.
Catalog load_catalog(const std::string &path, const LoadOptions &options);

} // namespace cchc
