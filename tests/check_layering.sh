#!/usr/bin/env bash
# Checks the #include lines of src/ against the dependency table of docs/architecture.md:
# a lower module never includes a higher one, and only text/ and db/ see ICU and SQLite.
set -u
src="${1:?usage: check_layering.sh SRC_DIR}"
status=0

# module: the project modules it may include (besides itself), then forbidden system headers.
declare -A allowed=(
  [util]=""
  [text]="util"
  [speech]="util text"
  [core]="util text"
  [db]="util"
  [storage]="util core db text"
  [deck]="util text core db"
  [service]="util text core storage deck"
  [ui]="util core service"
  [app]="util text speech core db storage deck service ui"
)
declare -A forbidden_system=(
  [util]="SDL imgui sqlite3 unicode/"
  [text]="SDL imgui sqlite3"
  [speech]="SDL imgui sqlite3 unicode/"
  [core]="SDL imgui sqlite3 unicode/ hunspell espeak"
  [db]="SDL imgui unicode/"
  [storage]="SDL imgui sqlite3"
  [deck]="SDL imgui sqlite3"
  [service]="SDL imgui sqlite3 unicode/"
  [ui]="SDL sqlite3 unicode/"
)

for module in "${!allowed[@]}"; do
  dir="$src/$module"
  [ -d "$dir" ] || continue
  while IFS= read -r line; do
    file="${line%%:*}"
    header=$(sed -E 's/.*#include *[<"]([^>"]+)[>"].*/\1/' <<<"$line")
    first="${header%%/*}"
    if [ "$header" != "$first" ] && [ -d "$src/$first" ] && [ "$first" != "$module" ]; then
      if ! grep -qw "$first" <<<"${allowed[$module]}"; then
        echo "$file: $module must not include $header (see docs/architecture.md)"
        status=1
      fi
    fi
    for bad in ${forbidden_system[$module]:-}; do
      case "$header" in
        "$bad"*) echo "$file: $module must not include $header"; status=1 ;;
      esac
    done
  done < <(grep -rHE '^#include' "$dir" --include='*.h' --include='*.cpp')
done
# sqlite3.h and ICU stay inside the .cpp files of db/ and text/: never in a header.
if grep -rnE '#include *<(sqlite3\.h|unicode/)' "$src/db" "$src/text" --include='*.h'; then
  echo "a header of db/ or text/ exposes SQLite or ICU"
  status=1
fi
# espeak-ng stays inside the .cpp files of speech/.
if grep -rnE '#include *<espeak' "$src" --include='*.h' --include='*.cpp' | grep -vE '^[^:]*/speech/[^/:]*\.cpp:'; then
  echo "only the .cpp files of src/speech may include espeak-ng"
  status=1
fi
# The core reads no clock and no global randomness.
if grep -rnE 'system_clock::now|steady_clock::now|std::random_device|[^_a-z]rand\(\)' "$src/core"; then
  echo "src/core reads a clock or global randomness: pass time and seeds in"
  status=1
fi
[ $status -eq 0 ] && echo "layering: every include follows the dependency table"
exit $status
