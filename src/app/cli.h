// The command line: the window by default, and headless subcommands for authors and scripts.
#pragma once

namespace letopis {

int run_cli(int argc, char** argv);

} // namespace letopis
