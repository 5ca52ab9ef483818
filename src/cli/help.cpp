// Examples in --help (see help.hpp). CLI11 prints a command's description
// first, then its usage: a formatter of the command's own appends the
// examples to the description there, and only there (the list of commands
// in `cchc --help` prints the bare description).
#include "help.hpp"

#include <cchc/text/unicode.hpp>

#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

/// CLI11 pads the option column of the help by bytes, so a Vietnamese name
/// (TỆP) would pull its description left; this pads by the columns shown.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter() = default;
    explicit HelpFormatter(const CLI::Formatter &base) : CLI::Formatter(base) {}

    std::string make_option(const CLI::Option *option, bool is_positional) const override {
        std::string out = "  " + make_option_name(option, is_positional) + make_option_opts(option);
        const std::string description = make_option_desc(option);
        const std::size_t column = get_column_width();
        const std::size_t shown = display_width(out);
        if (shown < column) out += std::string(column - shown, ' ');
        if (!description.empty()) {
            if (shown >= column) out += "\n" + std::string(column, ' ');
            for (char c : description) {
                out += c;
                if (c == '\n') out += std::string(column, ' ');
            }
        }
        return out + "\n";
    }
};

class ExamplesFormatter : public HelpFormatter {
public:
    ExamplesFormatter(const CLI::Formatter &base, std::vector<ShownExample> examples, Lang lang)
        : HelpFormatter(base), m_examples(std::move(examples)), m_lang(lang) {}

    std::string make_description(const CLI::App *app) const override {
        std::ostringstream out;
        out << CLI::Formatter::make_description(app) << '\n' << examples_heading(m_lang) << ":\n";
        for (const ShownExample &e : m_examples)
            out << "  " << e.command << "\n      " << e.text << '\n';
        out << '\n';
        return out.str();
    }

    const std::vector<ShownExample> &examples() const { return m_examples; }

private:
    std::vector<ShownExample> m_examples;
    Lang m_lang;
};

} // namespace

std::shared_ptr<CLI::Formatter> make_help_formatter() {
    return std::make_shared<HelpFormatter>();
}

void set_examples(CLI::App &command, const std::vector<Example> &examples, Lang lang) {
    std::vector<ShownExample> shown;
    for (const Example &e : examples)
        shown.push_back({std::string(e.command), std::string(pick(lang, e.vi, e.en))});
    // The command's formatter is its parent's (main sets the Vietnamese labels there).
    auto base = std::dynamic_pointer_cast<CLI::Formatter>(command.get_formatter());
    command.formatter(std::make_shared<ExamplesFormatter>(base ? *base : CLI::Formatter(), std::move(shown), lang));
}

void set_main_examples(CLI::App &app, Lang lang) {
    set_examples(
        app,
        {{"cchc samples/phuong-1-2023.csv --out-of 100",
          "không ghi lệnh là lệnh report: bảng tổng hợp của bảng điểm mẫu",
          "no command means report: the summary of the sample sheet"},
         {"cchc check samples/wards", "kiểm tra mọi bảng điểm trong thư mục", "check every sheet in the folder"},
         {"cchc check --help", "trợ giúp và ví dụ của một lệnh", "a command's help and examples"}},
        lang);
}

std::vector<ShownExample> examples_of(const CLI::App &command) {
    auto formatter = std::dynamic_pointer_cast<ExamplesFormatter>(command.get_formatter());
    return formatter ? formatter->examples() : std::vector<ShownExample>{};
}

} // namespace cchc::cli
