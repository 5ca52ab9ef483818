#pragma once
// The output language of labels and messages: Vietnamese by default,
// English with --lang en. Each text is written once per language at the
// place that uses it, so a reader sees both side by side.

#include <string_view>

namespace cchc {

enum class Lang { vi, en };

constexpr std::string_view pick(Lang lang, std::string_view vi, std::string_view en) {
    return lang == Lang::vi ? vi : en;
}

/// The decimal separator for percentages: "96,56 %" in Vietnamese.
constexpr char percent_separator(Lang lang) {
    return lang == Lang::vi ? ',' : '.';
}

} // namespace cchc
