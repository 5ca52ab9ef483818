// Standard error (see diagnostics.hpp).
#include "diagnostics.hpp"
#include "commands.hpp"

#include <cchc/platform/platform.hpp>

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>

namespace cchc::cli {

void Diagnostics::say(std::string_view text) const {
    if (!m_quiet) error(text);
}

void Diagnostics::error(std::string_view text) {
    platform::write_error(text);
}

std::string nearest(std::string_view word, const std::vector<std::string> &names, std::size_t most) {
    // Optimal string alignment distance, over bytes (option and command names are ASCII).
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i)
            d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j)
            d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j) {
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.size()][b.size()];
    };
    const std::size_t letters = word.size() - std::min(word.find_first_not_of('-'), word.size());
    std::string best;
    std::size_t best_distance = most + 1;
    for (const std::string &name : names) {
        std::size_t n = distance(word, name);
        if (n < best_distance && n < letters) {
            best = name;
            best_distance = n;
        }
    }
    return best;
}

namespace {

/// What follows `marker` in `text`, or empty.
std::string after(const std::string &text, std::string_view marker) {
    std::size_t at = text.find(marker);
    return at == std::string::npos ? std::string() : text.substr(at + marker.size());
}

/// What comes before `marker` in `text`, or all of it.
std::string before(const std::string &text, std::string_view marker) {
    return text.substr(0, text.find(marker));
}

/// The names an option can be given by on `command` (-o, --output…), hidden ones left out.
std::vector<std::string> option_names(const CLI::App &command) {
    std::vector<std::string> names;
    for (const CLI::Option *o : command.get_options()) {
        if (o->get_group().empty()) continue;
        for (const std::string &s : o->get_snames())
            names.push_back("-" + s);
        for (const std::string &l : o->get_lnames())
            names.push_back("--" + l);
    }
    return names;
}

/// "--formt: không có tùy chọn này; có phải ý bạn là --format?"
std::string unknown_option(const std::string &given, const CLI::App &command, Lang lang) {
    std::string name = before(given, "=");
    std::string guess = nearest(name, option_names(command), 2);
    std::string text = fmt::format(fmt::runtime(pick(lang, "{}: không có tùy chọn này", "{}: no such option")), given);
    if (!guess.empty())
        text += fmt::format(fmt::runtime(pick(lang, "; có phải ý bạn là {}?", "; did you mean {}?")), guess);
    return text;
}

std::string command_list() {
    std::string names;
    for (const Command &c : commands())
        names += (names.empty() ? "" : ", ") + std::string(c.name);
    return names;
}

/// The message without "cchc: " and the hint, by the class of the error;
/// a line for each problem.
std::string translate(const CLI::Error &e, const CLI::App &app, const CLI::App &command, Lang lang) {
    const std::string what = e.what();
    if (dynamic_cast<const CLI::ExtrasError *>(&e) != nullptr) {
        // "The following argument(s) was/were not expected: B A": CLI11 lists
        // them last first; one line each, in the order typed.
        std::string text;
        std::string items = after(what, ": ");
        for (std::size_t end = items.size(); end > 0 && end != std::string::npos;) {
            std::size_t start = items.rfind(' ', end - 1);
            start = start == std::string::npos ? 0 : start + 1;
            std::string item = items.substr(start, end - start);
            end = start > 0 ? start - 1 : 0;
            if (item.empty()) continue;
            if (!text.empty()) text += '\n';
            if (item.size() > 1 && item[0] == '-')
                text += unknown_option(item, command, lang);
            else if (&command != &app)
                text += fmt::format(fmt::runtime(pick(lang, "'{}': lệnh {} không nhận tệp hay đối số nào",
                                                      "'{}': the {} command takes no file or argument")),
                                    item, command.get_name());
            else
                text += fmt::format(fmt::runtime(pick(lang, "'{}': không dùng được ở đây", "'{}': not expected here")),
                                    item);
        }
        return text;
    }
    if (dynamic_cast<const CLI::RequiredError *>(&e) != nullptr) {
        if (what.starts_with("A subcommand")) {
            // `cchc --verison`: an option no command has was the mistake, not the missing command.
            std::vector<std::string> known;
            for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; }))
                for (std::string &name : option_names(*sub))
                    known.push_back(std::move(name));
            for (const std::string &left : app.remaining())
                if (left.size() > 1 && left[0] == '-' &&
                    std::find(known.begin(), known.end(), before(left, "=")) == known.end())
                    return unknown_option(left, app, lang);
            return fmt::format(
                fmt::runtime(pick(lang, "thiếu <lệnh>: hãy dùng một trong {}", "no command: use one of {}")),
                command_list());
        }
        return fmt::format(fmt::runtime(pick(lang, "thiếu {}", "{} is required")), before(what, " is required"));
    }
    if (dynamic_cast<const CLI::ArgumentMismatch *>(&e) != nullptr) {
        // "--format: 1 required FORMAT missing", "--strict was given a disallowed flag override", …
        if (what.ends_with(" missing"))
            return fmt::format(
                fmt::runtime(pick(lang, "{} cần một giá trị ({}) ngay sau nó", "{} needs a value ({}) right after it")),
                before(what, ":"), before(after(what, " required "), " missing"));
        if (what.ends_with("disallowed flag override"))
            return fmt::format(fmt::runtime(pick(lang, "{0} là cờ bật/tắt, không nhận giá trị: hãy ghi {0}",
                                                 "{0} is an on/off flag and takes no value: write {0}")),
                               before(what, " was given"));
        if (what.find(": At Most ") != std::string::npos)
            return fmt::format(
                fmt::runtime(pick(lang, "{}: chỉ nhận {} giá trị, đã cho {}", "{}: takes {} value(s), {} were given")),
                before(what, ":"), before(after(what, "At Most "), " "), after(what, "received "));
        std::string name = what.starts_with("Expected") ? before(after(what, " to "), ",") : before(what, ":");
        return fmt::format(fmt::runtime(pick(lang, "{}: số giá trị không đúng", "{}: wrong number of values")), name);
    }
    if (dynamic_cast<const CLI::ConversionError *>(&e) != nullptr) {
        if (what.starts_with("The value "))
            return fmt::format(
                fmt::runtime(pick(lang, "{}: giá trị '{}' không dùng được", "{}: the value '{}' is not allowed")),
                after(what, " allowed value for "), before(after(what, "The value "), " is not"));
        // "Could not convert: --x = v"; for a flag (--strict=maybe), "--strict: Should be true/false or a number"…
        const bool converting = what.starts_with("Could not convert: ");
        const std::string name = converting ? before(after(what, "convert: "), " = ") : before(what, ":");
        const CLI::Option *option = command.get_option_no_throw(name);
        if (converting && (option == nullptr || option->get_items_expected_max() > 0))
            return fmt::format(
                fmt::runtime(pick(lang, "{}: không đọc được giá trị '{}'", "{}: cannot read the value '{}'")), name,
                after(what, " = "));
        return fmt::format(fmt::runtime(pick(lang, "{0} là cờ bật/tắt, không nhận giá trị: hãy ghi {0}",
                                             "{0} is an on/off flag and takes no value: write {0}")),
                           name);
    }
    if (dynamic_cast<const CLI::ValidationError *>(&e) != nullptr) {
        // "--lang: fr not in {vi,en}"
        std::string name = before(what, ": ");
        std::string rest = after(what, ": ");
        if (rest.find(" not in {") != std::string::npos) {
            std::string members;
            for (char c : before(after(rest, " not in {"), "}"))
                members += c == ',' ? std::string(", ") : std::string(1, c);
            return fmt::format(
                fmt::runtime(pick(lang, "{}: '{}' không phải một trong {}", "{}: '{}' is not one of {}")), name,
                before(rest, " not in {"), members);
        }
        return fmt::format(
            fmt::runtime(pick(lang, "{}: giá trị không dùng được ({})", "{}: the value cannot be used ({})")), name,
            rest);
    }
    if (dynamic_cast<const CLI::RequiresError *>(&e) != nullptr)
        return fmt::format(fmt::runtime(pick(lang, "{} cần dùng cùng {}", "{} needs {}")), before(what, " requires "),
                           after(what, " requires "));
    if (dynamic_cast<const CLI::ExcludesError *>(&e) != nullptr)
        return fmt::format(fmt::runtime(pick(lang, "{} không dùng cùng {} được", "{} cannot be used with {}")),
                           before(what, " excludes "), after(what, " excludes "));
    if (dynamic_cast<const CLI::OptionNotFound *>(&e) != nullptr)
        return unknown_option(before(what, " not found"), command, lang);
    // FileError, ConfigError, InvalidError, HorribleError: cchc reads no
    // configuration file, so none of these comes from a clerk's command line.
    return fmt::format(fmt::runtime(pick(lang, "dòng lệnh không dùng được: {}", "the command line cannot be used: {}")),
                       what);
}

} // namespace

std::string usage_error(const CLI::Error &error, const CLI::App &app, Lang lang) {
    const CLI::App *command = &app;
    for (const CLI::App *sub : app.get_subcommands())
        command = sub;
    std::string help = command == &app ? "cchc --help" : "cchc " + command->get_name() + " --help";
    std::string out;
    std::string lines = translate(error, app, *command, lang);
    for (std::size_t start = 0; start < lines.size();) {
        std::size_t end = std::min(lines.find('\n', start), lines.size());
        out += fmt::format(fmt::runtime(pick(lang, "cchc: {} (xem {})\n", "cchc: {} (see {})\n")),
                           lines.substr(start, end - start), help);
        start = end + 1;
    }
    return out;
}

void Progress::loop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopped; })) return;
    bool shown = false;
    while (!m_stopped) {
        platform::write_error(
            fmt::format(fmt::runtime(pick(m_lang, "\rcchc: đã đọc {}/{} tệp", "\rcchc: read {}/{} files")),
                        m_done.load(), m_total));
        shown = true;
        m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopped; });
    }
    if (shown) platform::write_error("\r\x1b[K");
}

} // namespace cchc::cli
