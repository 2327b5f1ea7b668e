#!/usr/bin/env bash
# Seeds the fuzz corpora (git-ignored) with real and hostile PDFs:
#   convert    every fixture PDF, the generated papers, tests/hostile/ and ../shared/hostile
#              up to 2 MB each;
#   pdf_layer  the same, up to 64 KB each (its runs use -max_len=65536).
# Usage: fuzz/seed-corpus.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
mkdir -p fuzz/corpus/convert fuzz/corpus/pdf_layer
# A folder that is missing is said, not silently skipped (a worktree has no ../shared beside it).
dirs=()
for d in fixtures tests/gen/pdfs tests/hostile "$shared/hostile" "$shared/corpus"; do
    if [ -d "$d" ]; then dirs+=("$d"); else echo "seed-corpus: $d is missing (pass SHARED_DIR)" >&2; fi
done
find "${dirs[@]}" -name '*.pdf' -type f |
while read -r f; do
    size=$(stat -c %s "$f")
    name=$(sha256sum "$f" | cut -c1-16).pdf
    if [ "$size" -le 2097152 ]; then cp "$f" "fuzz/corpus/convert/$name"; fi
    if [ "$size" -le 65536 ]; then cp "$f" "fuzz/corpus/pdf_layer/$name"; fi
done
echo "convert: $(ls fuzz/corpus/convert | wc -l) files; pdf_layer: $(ls fuzz/corpus/pdf_layer | wc -l) files"
