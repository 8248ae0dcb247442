// The command line (CLI11): serve, migrate, tenant create, token create, demo, import.
#pragma once

namespace rapport::app {

int run_command_line(int argc, char** argv);

} // namespace rapport::app
