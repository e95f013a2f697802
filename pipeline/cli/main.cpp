// The fuel command line. All the work is in cli/fuel_app.cpp and job/.
#include "cli/fuel_app.hpp"

int main(int argc, char** argv) { return cli::run_fuel(argc, argv); }
