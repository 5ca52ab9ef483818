// `cchc --generate man|bash|zsh [--lang vi|en]`: the man page and the shell
// completions, written from the same CLI11 definitions that --help prints,
// the examples each command shows (help.hpp) and the input stage's own
// tables (header names, encodings, delimiters), so they cannot drift. The
// build keeps docs/cchc.1 (English), docs/cchc.vi.1 (Vietnamese),
// docs/cchc.bash-completion and docs/_cchc, and a test fails when they
// differ from what the binary generates.
#include "commands.hpp"
#include "common.hpp"
#include "help.hpp"

#include <cchc/base/version.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/input/header.hpp>
#include <cchc/pipeline/run.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace cchc::cli {

namespace {

/// roff-escapes text: backslashes and dashes, and a dot or quote that would
/// start a request.
std::string roff(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

std::string option_names(const CLI::Option *o) {
    std::string names;
    for (const std::string &s : o->get_snames())
        names += (names.empty() ? "-" : ", -") + s;
    for (const std::string &l : o->get_lnames())
        names += (names.empty() ? "--" : ", --") + l;
    return names;
}

/// Every name of an option, as typed: "-o --output".
std::vector<std::string> option_words(const CLI::Option *o) {
    std::vector<std::string> words;
    for (const std::string &s : o->get_snames())
        words.push_back("-" + s);
    for (const std::string &l : o->get_lnames())
        words.push_back("--" + l);
    return words;
}

std::string joined(const std::vector<std::string> &words, std::string_view separator) {
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : std::string(separator)) + w;
    return out;
}

std::vector<const CLI::App *> commands_of(const CLI::App &app) {
    std::vector<const CLI::App *> out;
    for (const Command &c : commands())
        out.push_back(app.get_subcommand(std::string(c.name)));
    return out;
}

/// Whether the command reads FILE... (template does not).
bool takes_files(const CLI::App &command) {
    return !command.get_options([](const CLI::Option *o) { return o->get_positional(); }).empty();
}

std::vector<const CLI::Option *> flags_of(const CLI::App &command) {
    return command.get_options([](const CLI::Option *o) { return o->nonpositional(); });
}

bool takes_value(const CLI::Option *o) {
    return o->get_items_expected_max() > 0;
}

/// What a shell offers after an option that takes a value.
struct Values {
    enum class Kind { none, words, list, file } kind = Kind::none;
    std::vector<std::string> words; ///< words, or the items of a comma-separated list
};

Values values_of(const CLI::Option *o) {
    const std::string name = o->get_lnames().empty() ? "" : o->get_lnames().front();
    Values v;
    auto words = [&](std::vector<std::string> w, Values::Kind kind = Values::Kind::words) {
        v.kind = kind;
        v.words = std::move(w);
    };
    if (name == "format") {
        std::istringstream in(format_names(" "));
        std::vector<std::string> formats;
        for (std::string f; in >> f;)
            formats.push_back(f);
        words(formats);
    } else if (name == "lang") {
        words({"vi", "en"});
    } else if (name == "by") {
        std::vector<std::string> tables;
        for (std::string_view t : report_table_names())
            tables.emplace_back(t);
        words(tables, Values::Kind::list);
    } else if (name == "delimiter") {
        // Names that need no quoting in a shell; parse_delimiter takes them.
        words({"comma", "semicolon", "tab", "pipe"});
    } else if (name == "encoding") {
        std::vector<std::string> names;
        for (const DetectedEncoding &e : detected_encodings())
            names.emplace_back(e.name);
        words(names);
    } else if (name == "output" || name == "criteria") {
        v.kind = Values::Kind::file;
    }
    return v;
}

/// Whether every command that reads files has an option with the names and
/// the help of `o`: such options are listed once in the man page.
bool is_shared(const CLI::App &app, const CLI::Option *o) {
    for (const CLI::App *c : commands_of(app)) {
        if (!takes_files(*c)) continue;
        bool found = false;
        for (const CLI::Option *other : flags_of(*c))
            found =
                found || (option_names(other) == option_names(o) && other->get_description() == o->get_description());
        if (!found) return false;
    }
    return true;
}

/// The options every command that reads files takes, in the first one's order.
std::vector<const CLI::Option *> shared_options(const CLI::App &app) {
    std::vector<const CLI::Option *> out;
    for (const CLI::App *c : commands_of(app))
        if (takes_files(*c)) {
            for (const CLI::Option *o : flags_of(*c))
                if (is_shared(app, o)) out.push_back(o);
            break;
        }
    return out;
}

void write_option(std::ostream &out, const CLI::Option *o) {
    out << ".TP\n.B " << roff(option_names(o));
    if (takes_value(o)) out << " \\fI" << roff(o->get_type_name()) << "\\fR";
    out << "\n" << roff(o->get_description()) << "\n";
}

std::string delimiter_name(char d, Lang lang) {
    switch (d) {
    case ',': return tr(lang, ", (dấu phẩy, comma)", ", (comma)");
    case ';': return tr(lang, "; (dấu chấm phẩy, semicolon)", "; (semicolon)");
    case '\t': return tr(lang, "tab", "tab");
    case '|': return tr(lang, "| (gạch đứng, pipe)", "| (pipe)");
    default: return std::string(1, d);
    }
}

void write_input(std::ostream &out, Lang lang) {
    out << ".SH " << tr(lang, "ĐẦU VÀO", "INPUT") << "\n";
    std::vector<std::string> extensions;
    for (std::string_view e : sheet_extensions())
        extensions.push_back("." + std::string(e));
    out << roff(tr(lang,
                   "Tệp CSV, TSV hay văn bản xuất từ Excel hoặc LibreOffice, và sổ tính (.xlsx, .xlsm, .ods, .xls, "
                   "nhận biết theo nội dung tệp). Mỗi trang tính có dòng tiêu đề bảng điểm là một bảng điểm. Một thư "
                   "mục là các tệp có đuôi ",
                   "CSV, TSV or text files exported from Excel or LibreOffice, and workbooks (.xlsx, .xlsm, .ods, "
                   ".xls, known by their bytes). Every worksheet with a score-sheet header is a sheet. A folder stands "
                   "for the files below it ending in ") +
                joined(extensions, " ") + ".")
        << "\n";

    out << ".SS " << tr(lang, "Bảng mã", "Encodings") << "\n"
        << roff(tr(lang, "Khi không có --encoding, bảng mã được chọn theo thứ tự sau:",
                   "Without --encoding, the encoding is chosen in this order:"))
        << "\n";
    for (const DetectedEncoding &e : detected_encodings())
        out << ".TP\n.B " << roff(e.name) << "\n" << roff(pick(lang, e.how_vi, e.how_en)) << "\n";
    out << ".PP\n"
        << roff(tr(lang,
                   "Bảng mã đã giả định được báo bằng phát hiện encoding-assumed. Bảng mã khác: --encoding TÊN, "
                   "mọi tên của iconv (iconv -l liệt kê).",
                   "An assumed encoding is said by an encoding-assumed finding. Any other: --encoding NAME, any "
                   "iconv name (iconv -l lists them)."))
        << "\n";

    std::vector<std::string> delimiters;
    for (char d : k_header_delimiters)
        delimiters.push_back(delimiter_name(d, lang));
    out << ".SS " << tr(lang, "Dấu phân cách", "Delimiters") << "\n"
        << roff(tr(lang, "Dấu phân cách ô được nhận biết ở dòng tiêu đề, thử lần lượt: ",
                   "The cell delimiter is detected on the header row, trying in turn: ") +
                joined(delimiters, ", ") +
                tr(lang, ". --delimiter comma|semicolon|tab|pipe (hoặc , ; |) chỉ định một dấu.",
                   ". --delimiter comma|semicolon|tab|pipe (or , ; |) forces one."))
        << "\n";

    out << ".SS " << tr(lang, "Dòng tiêu đề", "Header") << "\n"
        << roff(tr(lang, "Dòng tiêu đề được tìm trong ", "The header row is searched for in the first ") +
                std::to_string(k_header_search_rows) +
                tr(lang,
                   " dòng đầu (các dòng tiêu đề văn bản như PHỤ LỤC ở trên được bỏ qua); tiêu đề có thể chiếm hai "
                   "dòng (ô gộp). Tên cột được so khớp sau khi bỏ dấu, chữ hoa, khoảng trắng thừa và phần trong "
                   "ngoặc: \"Ghi chú (Lý do giảm điểm)\" là \"ghi chu\". Các tên được nhận:",
                   " rows (title rows such as PHỤ LỤC above it are skipped); it may take two rows (merged cells). "
                   "Names match without accents, case, extra spaces or parenthesised text: \"Ghi chú (Lý do giảm "
                   "điểm)\" is \"ghi chu\". The names accepted:"))
        << "\n";
    for (const ColumnInfo &info : column_infos()) {
        std::vector<std::string> aliases(info.aliases.begin(), info.aliases.end());
        out << ".TP\n.B " << roff(lang == Lang::vi ? info.canonical_vi : info.id) << "\n";
        if (lang == Lang::vi) out << "(" << roff(info.id) << ") ";
        if (info.required) out << tr(lang, "bắt buộc; ", "required; ");
        out << roff(joined(aliases, ", ")) << "\n";
    }
    out << ".PP\n"
        << roff(tr(lang,
                   "Thiếu cột bắt buộc là lỗi missing-column, kèm dòng tiêu đề đã thấy; các cột khác bị bỏ qua. "
                   "cchc explain TỆP cho biết mỗi cột được đọc là gì.",
                   "A missing required column is a missing-column error quoting the header seen; other columns are "
                   "ignored. cchc explain FILE shows what each column was read as."))
        << "\n";
}

void write_man(const CLI::App &app, Lang lang, std::ostream &out) {
    out << ".\\\" -*- coding: UTF-8 -*-\n"
           ".\\\" Generated by `cchc --generate man --lang "
        << (lang == Lang::vi ? "vi" : "en") << "` from the command-line definitions; do not edit.\n";
    out << ".TH CCHC 1 \"\" \"cchc " CCHC_VERSION "\" \"" << tr(lang, "Lệnh người dùng", "User Commands") << "\"\n";
    out << ".nh\n.ad l\n"; // option names, paths and aliases read better unhyphenated, not justified
    out << ".SH " << tr(lang, "TÊN", "NAME") << "\ncchc \\- "
        << roff(app.get_description().substr(app.get_description().find("— ") + 4)) << "\n";

    out << ".SH " << tr(lang, "CÚ PHÁP", "SYNOPSIS") << "\n";
    const std::string options = tr(lang, "TÙY_CHỌN", "OPTIONS");
    const std::string file = tr(lang, "TỆP", "FILE");
    for (const CLI::App *c : commands_of(app))
        out << ".B cchc " << c->get_name() << "\n[\\fI" << options << "\\fR]"
            << (takes_files(*c) ? " \\fI" + file + "\\fR..." : "") << "\n.br\n";
    out << ".B cchc\n[\\fI" << options << "\\fR] \\fI" << file << "\\fR...\n.br\n.B cchc \\-\\-version\n";

    out << ".SH " << tr(lang, "MÔ TẢ", "DESCRIPTION") << "\n"
        << roff(tr(lang,
                   "cchc đọc bảng điểm Chỉ số cải cách hành chính (Chỉ số CCHC) lưu dạng CSV hay sổ tính Excel, "
                   "LibreOffice, kiểm tra từng con số, rồi in số điểm bị trừ và tỷ lệ đạt theo tiêu chí, lĩnh vực, "
                   "bộ phận phụ trách và đơn vị. Không ghi lệnh thì cchc TỆP... là cchc report TỆP... Một TỆP là - "
                   "thì đọc từ đầu vào chuẩn; một thư mục là các bảng điểm trong đó.",
                   "cchc reads the score sheets of the administrative-reform index (Chỉ số CCHC, PAR Index) kept as "
                   "CSV or as Excel or LibreOffice workbooks, checks every number, and prints the points lost and the "
                   "achievement rates per criterion, domain, owner and unit. Without a command, cchc FILE... means "
                   "cchc report FILE... A FILE of - reads standard input; a folder stands for the sheets in it."))
        << "\n";

    out << ".SH " << tr(lang, "LỆNH", "COMMANDS") << "\n";
    for (const CLI::App *c : commands_of(app)) {
        out << ".SS " << c->get_name() << "\n" << roff(c->get_description()) << "\n";
        std::vector<const CLI::Option *> own;
        std::vector<std::string> also; // shared options this command takes as they are
        for (const CLI::Option *o : flags_of(*c)) {
            if (is_shared(app, o))
                also.push_back(option_names(o));
            else
                own.push_back(o);
        }
        if (takes_files(*c)) {
            out << ".PP\n"
                << (own.empty() ? tr(lang, "Nhận các tùy chọn chung.", "Takes the shared options.")
                                : tr(lang, "Ngoài các tùy chọn chung:", "Besides the shared options:"))
                << "\n";
        } else {
            out << ".PP\n"
                << roff(tr(lang, "Không đọc bảng điểm; trong các tùy chọn chung chỉ nhận ",
                           "Reads no sheet; of the shared options it takes only ") +
                        joined(also, "; ") + tr(lang, ". Các tùy chọn riêng:", ". Its own options:"))
                << "\n";
        }
        for (const CLI::Option *o : own)
            write_option(out, o);
    }

    out << ".SH " << tr(lang, "TÙY CHỌN CHUNG", "SHARED OPTIONS") << "\n";
    std::vector<std::string> readers;
    for (const CLI::App *c : commands_of(app))
        if (takes_files(*c)) readers.push_back(c->get_name());
    const std::string last = readers.back();
    readers.pop_back();
    out << roff(tr(lang, "Các lệnh ", "The commands ") + joined(readers, ", ") + tr(lang, " và ", " and ") + last +
                tr(lang, " đều nhận các tùy chọn sau.", " all take these options."))
        << "\n";
    for (const CLI::Option *o : shared_options(app))
        write_option(out, o);

    write_input(out, lang);

    out << ".SH " << tr(lang, "VÍ DỤ", "EXAMPLES") << "\n"
        << roff(tr(lang, "Chạy từ thư mục gốc của mã nguồn, trên các tệp mẫu trong samples/.",
                   "Run from the root of the source tree, on the sample files in samples/."))
        << "\n";
    std::vector<const CLI::App *> with_examples = {&app};
    for (const CLI::App *c : commands_of(app))
        with_examples.push_back(c);
    for (const CLI::App *c : with_examples)
        for (const ShownExample &e : examples_of(*c)) // the command line as typed: not filled, not hyphenated
            out << ".PP\n" << roff(e.text) << ":\n.RS 4\n.nf\n\\fB" << roff(e.command) << "\\fR\n.fi\n.RE\n";

    out << ".SH " << tr(lang, "MÃ THOÁT", "EXIT STATUS") << "\n.TP\n0\n"
        << roff(tr(lang, "không có lỗi (cảnh báo và thông tin không tính, trừ khi có --strict)",
                   "no error findings (warnings and information do not count, unless --strict)"))
        << "\n.TP\n1\n"
        << roff(tr(lang, "có lỗi, hoặc có cảnh báo khi dùng --strict", "error findings, or warnings with --strict"))
        << "\n.TP\n2\n"
        << roff(tr(lang, "lỗi cách dùng hay đọc ghi: tùy chọn sai, tệp không đọc được, bộ tiêu chí không đọc được",
                   "usage or I/O error: a bad option, a file that cannot be read, an unreadable catalog"))
        << "\n";
    out << ".SH " << tr(lang, "BIẾN MÔI TRƯỜNG", "ENVIRONMENT") << "\n.TP\nNO_COLOR\n"
        << tr(lang, "khi được đặt khác rỗng, kết quả không bao giờ tô màu",
              "when set and not empty, the output is never coloured")
        << "\n.TP\nTERM\n"
        << roff(tr(lang, "dumb: kết quả không tô màu", "dumb: the output is not coloured")) << "\n.TP\nCOLUMNS\n"
        << tr(lang, "số cột để xếp bảng dạng text khi kết quả không ra màn hình (--width được ưu tiên)",
              "the width text tables are laid out in when the output is not a terminal (--width wins)")
        << "\n";
    out << ".SH " << tr(lang, "XEM THÊM", "SEE ALSO") << "\n"
        << roff(tr(lang, "README.md, docs/rules.md (mọi phát hiện), docs/catalog.md (bộ tiêu chí)",
                   "README.md, docs/rules.md (every finding), docs/catalog.md (the criteria catalog)"))
        << "\n";
}

/// Words for `compgen -W '…'`: none of them holds a quote.
std::string words_for_compgen(const std::vector<std::string> &words) {
    return joined(words, " ");
}

void write_bash(const CLI::App &app, std::ostream &out) {
    out << "# bash completion for cchc. Generated by `cchc --generate bash` from the command-line\n"
           "# definitions; do not edit.\n";
    out << "_cchc() {\n"
           "    local cur prev words cword split\n"
           "    _init_completion -s || return\n"
           "    local command=report i\n"
           "    for ((i = 1; i < cword; i++)); do\n"
           "        case ${words[i]} in\n";
    std::vector<std::string> names;
    for (const CLI::App *c : commands_of(app))
        names.push_back(c->get_name());
    out << "            " << joined(names, "|")
        << ") command=${words[i]}; break ;;\n"
           "        esac\n"
           "    done\n"
           "    case $prev in\n";
    // After an option that takes a value: its values, files, or nothing to offer.
    std::vector<std::string> seen;
    std::vector<std::string> files;
    std::vector<std::string> free;
    for (const CLI::App *c : commands_of(app))
        for (const CLI::Option *o : flags_of(*c)) {
            if (!takes_value(o)) continue;
            const std::string pattern = joined(option_words(o), "|");
            if (std::find(seen.begin(), seen.end(), pattern) != seen.end()) continue;
            seen.push_back(pattern);
            const Values v = values_of(o);
            if (v.kind == Values::Kind::words)
                out << "        " << pattern << ") COMPREPLY=($(compgen -W '" << words_for_compgen(v.words)
                    << "' -- \"$cur\")); return ;;\n";
            else if (v.kind == Values::Kind::list) // a comma-separated list: complete its last item
                out << "        " << pattern
                    << ")\n"
                       "            local prefix=\n"
                       "            [[ $cur == *,* ]] && prefix=${cur%,*},\n"
                       "            COMPREPLY=($(compgen -P \"$prefix\" -W '"
                    << words_for_compgen(v.words)
                    << "' -- \"${cur##*,}\"))\n"
                       "            return ;;\n";
            else if (v.kind == Values::Kind::file)
                files.push_back(pattern);
            else
                free.push_back(pattern);
        }
    if (!files.empty()) out << "        " << joined(files, "|") << ") _filedir; return ;;\n";
    if (!free.empty()) out << "        " << joined(free, "|") << ") return ;;\n";
    out << "    esac\n"
           "    $split && return\n"
           "    if [[ $cur == -* ]]; then\n"
           "        case $command in\n";
    for (const CLI::App *c : commands_of(app)) {
        std::vector<std::string> flags;
        for (const CLI::Option *o : flags_of(*c))
            for (const std::string &w : option_words(o))
                flags.push_back(w);
        out << "            " << c->get_name() << ") COMPREPLY=($(compgen -W '" << joined(flags, " ")
            << "' -- \"$cur\")) ;;\n";
    }
    out << "        esac\n"
           "        return\n"
           "    fi\n"
           "    if ((cword == 1)); then\n"
           "        COMPREPLY=($(compgen -W '"
        << joined(names, " ")
        << "' -- \"$cur\"))\n"
           "    fi\n";
    std::vector<std::string> no_files; // files are completed, except after a command that reads none
    for (const CLI::App *c : commands_of(app))
        if (!takes_files(*c)) no_files.push_back("$command == " + c->get_name());
    std::vector<std::string> extensions;
    for (std::string_view e : sheet_extensions()) {
        std::string upper(e);
        for (char &ch : upper)
            ch = static_cast<char>(ch - 'a' + 'A');
        extensions.emplace_back(e);
        extensions.push_back(upper);
    }
    out << "    " << (no_files.empty() ? "" : "[[ " + joined(no_files, " || ") + " ]] || ") << "_filedir '@("
        << joined(extensions, "|")
        << ")'\n"
           "}\n"
           "complete -F _cchc cchc\n";
}

/// Text inside a zsh _arguments spec in single quotes: its brackets and
/// backslashes escaped, its single quotes closed and reopened.
std::string zsh_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else if (c == '[' || c == ']' || c == '\\')
            out += std::string("\\") + c;
        else
            out += c;
    }
    return out;
}

void write_zsh(const CLI::App &app, std::ostream &out) {
    std::vector<std::string> extensions;
    for (std::string_view e : sheet_extensions())
        extensions.emplace_back(e);
    out << "#compdef cchc\n"
           "# zsh completion for cchc. Generated by `cchc --generate zsh` from the command-line\n"
           "# definitions; do not edit.\n\n"
           "_cchc_sheets() {\n"
           "    _files -g '*.(#i)("
        << joined(extensions, "|")
        << ")(-.)'\n"
           "}\n";
    for (const CLI::App *c : commands_of(app)) {
        out << "\n_cchc_" << c->get_name() << "() {\n    _arguments -s -S";
        for (const CLI::Option *o : flags_of(*c)) {
            const std::vector<std::string> words = option_words(o);
            const std::string help = zsh_text(o->get_description());
            std::string action;
            if (takes_value(o)) {
                const Values v = values_of(o);
                const std::string message = zsh_text(o->get_type_name());
                if (v.kind == Values::Kind::words)
                    action = ":" + message + ":(" + joined(v.words, " ") + ")";
                else if (v.kind == Values::Kind::list)
                    action = ":" + message + ":_sequence compadd - " + joined(v.words, " ");
                else if (v.kind == Values::Kind::file)
                    action = ":" + message + ":_files";
                else
                    action = ":" + message + ": ";
            }
            // One name is one spec; several (-o, --output) exclude each other.
            const std::string exclusion = words.size() > 1 ? "(" + joined(words, " ") + ")" : "";
            const bool repeatable = takes_value(o) && values_of(o).kind == Values::Kind::list;
            for (const std::string &w : words)
                out << " \\\n        '" << (repeatable ? "*" : exclusion) << w << "[" << help << "]" << action << "'";
        }
        if (takes_files(*c)) out << " \\\n        '*:FILE:_cchc_sheets'";
        out << "\n}\n";
    }
    out << "\n_cchc() {\n"
           "    local -a commands=(\n";
    for (const CLI::App *c : commands_of(app))
        out << "        '" << c->get_name() << ":" << zsh_text(c->get_description()) << "'\n";
    out << "    )\n"
           "    if ((CURRENT == 2)); then\n"
           "        if [[ $words[CURRENT] == -* ]]; then\n"
           "            _cchc_report\n"
           "        else\n"
           "            _describe -t commands 'cchc command' commands\n"
           "            _cchc_sheets\n"
           "        fi\n"
           "        return\n"
           "    fi\n"
           "    local command=${words[2]}\n"
           "    case $command in\n"
           "        "
        <<
        [&] {
            std::vector<std::string> n;
            for (const CLI::App *c : commands_of(app))
                n.push_back(c->get_name());
            return joined(n, "|");
        }()
        << ")\n"
           "            shift words\n"
           "            ((CURRENT--))\n"
           "            ;;\n"
           "        *) command=report ;; # `cchc FILE...` is `cchc report FILE...`\n"
           "    esac\n"
           "    _cchc_$command\n"
           "}\n\n"
           "_cchc \"$@\"\n";
}

} // namespace

void add_generate_option(CLI::App &app, Lang lang) {
    app.add_option_function<std::string>(
           "--generate",
           [&app, lang](const std::string &kind) {
               if (kind == "man")
                   write_man(app, lang, std::cout);
               else if (kind == "bash")
                   write_bash(app, std::cout);
               else if (kind == "zsh")
                   write_zsh(app, std::cout);
               else
                   throw CLI::ValidationError("--generate", "use man, bash or zsh");
               throw CLI::Success();
           },
           "write the man page (man), the bash completion (bash) or the zsh completion (zsh)")
        ->group(""); // hidden: for the build, not for clerks
}

} // namespace cchc::cli
