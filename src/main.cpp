// rapport: one binary for the server and its administration commands.
#include "app/commands.h"

int main(int argc, char** argv)
{
    return rapport::app::run_command_line(argc, argv);
}
