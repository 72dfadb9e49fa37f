// Entry point: hands the command line to the CLI dispatcher.
#include "app/cli.h"

int main(int argc, char** argv) { return letopis::run_cli(argc, argv); }
