// Where Letopis keeps things: the collection, the preferences file, the shipped decks and fonts.
#pragma once

#include <filesystem>

namespace letopis {

// $XDG_DATA_HOME/letopis/collection.db, or ~/.local/share/letopis/collection.db.
std::filesystem::path default_collection_path();
// $XDG_CONFIG_HOME/letopis, or ~/.config/letopis.
std::filesystem::path config_dir();
// The folder holding decks/ and fonts/: $LETOPIS_DATA_DIR, else beside the installed binary
// (../share/letopis), else the source tree this binary was built from.
std::filesystem::path data_dir();

} // namespace letopis
