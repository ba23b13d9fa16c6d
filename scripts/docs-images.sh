#!/usr/bin/env bash
# Regenerate the pictures of the documents kept in docs/ (proof by looking):
#   docs/ruling.png        page 1 of the ruling of sample case 01
#   docs/ruling-draft.png  the first page of the draft ruling of sample case 08 that shows a gap
#   docs/review.png        the review report printed to A4 (pages 1 and 3), and docs/review-sample.html
#   docs/documents.png     the documents of case 01, tiled 4 × 2: the ruling (first and last page),
#                          the 告知书 (both pages, the second with its 回执), the 约谈笔录 (page 1),
#                          the 审批表 (page 1, and page 2 with the boxes for the opinions) and the
#                          合规审查报告 (page 1)
#
#   scripts/docs-images.sh
#
# Needs what scripts/preview.sh needs (soffice, pdftoppm, fonts-noto-cjk).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# replace a file in docs/ atomically
put() { cp "$1" "$here/docs/.$2.tmp" && mv "$here/docs/.$2.tmp" "$here/docs/$2"; }

"$here/scripts/preview.sh" "$here/corpus/cases/01-compliant-person.json" "$work/final" \
  --only ruling,notice,interview,approval,report >/dev/null
put "$work/final/ruling-1.png" ruling.png

"$here/scripts/preview.sh" "$here/corpus/cases/08-applicant-not-interviewed.json" "$work/draft" --draft >/dev/null
pages=$(pdfinfo "$work/draft/执行裁定书.pdf" | awk '/^Pages:/ {print $2}')
for ((n = 1; n <= pages; n++)); do
  if pdftotext -f "$n" -l "$n" "$work/draft/执行裁定书.pdf" - | grep -q "待补充"; then
    put "$work/draft/ruling-$n.png" ruling-draft.png
    break
  fi
done

tiles=()
tile() {  # tile DOC PAGE: one page of a rendered document (a negative page counts from the end)
  local pdf="$work/final/$1.pdf" page=$2 pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  ((page < 0)) && page=$((pages + page + 1))
  pdftoppm -r 80 -f "$page" -l "$page" "$pdf" "$work/tile-$1-$page"
  tiles+=("$(ls "$work"/tile-"$1"-"$page"*.ppm | head -n 1)")
}
tile 执行裁定书 1
tile 执行裁定书 -1
tile 终结本次执行程序告知书 1
tile 终结本次执行程序告知书 2
tile 约谈笔录 1
tile 终本案件办理情况表 1
tile 终本案件办理情况表 2
tile 合规审查报告 1
"$python" "$here/scripts/montage.py" "$work/documents.png" 4 "${tiles[@]}"
put "$work/documents.png" documents.png
ls -l "$here"/docs/ruling.png "$here"/docs/ruling-draft.png "$here"/docs/documents.png

# the review report: 600 generated closed cases (30 % with ruling text), 300 sampled by court,
# printed to A4 by headless Chromium (the report's print stylesheet); pages 1 and 3 side by side
"$python" "$here/bench/generate.py" --seed 3 --rulings 0.3 --bad 0.01 600 "$work/review/cases.jsonl" >/dev/null
"$python" -m termination review "$work/review/cases.jsonl" --sample 300 --seed 2026 --stratify court \
  -o "$work/review/out" --no-progress >/dev/null 2>&1 || true   # exit 1: below 90 %, 2: the bad lines
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/review/review.pdf" "$work/review/out/review.html" 2>/dev/null
pdftoppm -r 80 -f 1 -l 1 "$work/review/review.pdf" "$work/review-1"
pdftoppm -r 80 -f 3 -l 3 "$work/review/review.pdf" "$work/review-3"
"$python" "$here/scripts/montage.py" "$work/review.png" 2 "$(ls "$work"/review-1*.ppm)" "$(ls "$work"/review-3*.ppm)"
put "$work/review.png" review.png
put "$work/review/out/review.html" review-sample.html
ls -l "$here"/docs/review.png "$here"/docs/review-sample.html
