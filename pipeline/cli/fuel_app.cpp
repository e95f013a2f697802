#include "cli/fuel_app.hpp"
namespace cli { int run_fuel(int, char**) { return 3; } }
