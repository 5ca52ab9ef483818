// The table of commands (see commands.hpp). Each command's file defines its
// setup function.
#include "commands.hpp"

namespace cchc::cli {

void setup_report(CLI::App &app, int &status, Lang lang);
void setup_check(CLI::App &app, int &status, Lang lang);
void setup_compare(CLI::App &app, int &status, Lang lang);
void setup_template(CLI::App &app, int &status, Lang lang);
void setup_explain(CLI::App &app, int &status, Lang lang);

const std::vector<Command> &commands() {
    static const std::vector<Command> table = {
        {"report", setup_report},     {"check", setup_check},     {"compare", setup_compare},
        {"template", setup_template}, {"explain", setup_explain},
    };
    return table;
}

} // namespace cchc::cli
