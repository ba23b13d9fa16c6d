#!/usr/bin/env bash
# Proof by looking: render documents of a case (.docx), convert them to PDF with headless
# LibreOffice and to PNG pages (80 dpi) with pdftoppm.
#
#   scripts/preview.sh CASE.json OUTDIR [--draft] [--only ruling,notice,...] [--as-of DATE] [--publish]
#
# --publish: the version for 中国裁判文书网 → OUTDIR/ruling-publish-N.png (公布处理说明.txt beside it).
# Default: the ruling only → OUTDIR/ruling-1.png, ruling-2.png, …; other documents give
# OUTDIR/<name>-N.png (notice, interview, approval, report).
# Needs soffice (libreoffice-writer), pdftoppm (poppler-utils) and fonts-noto-cjk.
# The pictures in docs/ (ruling.png, ruling-draft.png, documents.png) come from scripts/docs-images.sh.
# Cases beyond the samples, for looking at unusual layouts: tests/render/cases/*.json.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "用法：scripts/preview.sh CASE.json OUTDIR [--draft] [--only ruling,notice,...] [--as-of DATE]" >&2
  exit 2
fi
case_file=$(realpath "$1")
outdir=$2
shift 2
args=("$@")
[[ " $* " == *" --only "* ]] || args+=(--only ruling)
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool（apt-get install -y libreoffice-writer poppler-utils fonts-noto-cjk）" >&2; exit 2; }
done
mkdir -p "$outdir"
outdir=$(realpath "$outdir")
written=$(cd "$here" && "$python" -m termination render "$case_file" -o "$outdir" "${args[@]}")

profile=$(mktemp -d)   # a private LibreOffice profile: no clash with a running instance
trap 'rm -rf "$profile"' EXIT
# Court fonts (仿宋_GB2312, 方正小标宋简体, 黑体) are not free: for the preview only, map them to the
# Noto CJK faces of the same kind (serif for 仿宋/宋, bold serif for 小标宋, sans for 黑体).
cat > "$profile/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
  <alias binding="strong"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
declare -A stem=([执行裁定书]=ruling [终结本次执行程序告知书]=notice [约谈笔录]=interview
                 [终本案件办理情况表]=approval [合规审查报告]=report [执行裁定书（公布版）]=ruling-publish)
while IFS= read -r docx; do
  [[ "$docx" == *.docx ]] || continue  # 公布处理说明.txt
  name=$(basename "$docx" .docx)
  FONTCONFIG_FILE="$profile/fonts.conf" soffice -env:UserInstallation="file://$profile/lo" --headless \
    --convert-to pdf --outdir "$outdir" "$docx" >/dev/null 2>"$profile/soffice.err" \
    || { cat "$profile/soffice.err" >&2; exit 3; }
  pdftoppm -png -r 80 "$outdir/$name.pdf" "$outdir/${stem[$name]:-$name}"
done <<< "$written"
ls "$outdir"/*.png
