# Sourced by test.sh: the PDF tests print Chinese and need a TrueType CJK font that PDFBox can embed
# (the usual Noto Sans CJK files are CFF-outline OpenType and cannot be embedded). The same places
# as cn.mediationdesk.logic.report.pdf.CjkFonts looks at on Linux.

cjk_font_present() {
    local f
    for f in /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc /usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
             /usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc /usr/share/fonts/wqy-microhei/wqy-microhei.ttc \
             /usr/share/fonts/truetype/arphic/uming.ttc /usr/share/fonts/truetype/arphic/ukai.ttc; do
        [ -f "$f" ] && return 0
    done
    # Droid Sans Fallback has no Latin letters or digits: it serves only with a Latin font beside it.
    if ls /usr/share/fonts/truetype/droid/DroidSansFallback*.ttf >/dev/null 2>&1; then
        for f in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/dejavu/DejaVuSans.ttf \
                 /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
                 /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf; do
            [ -f "$f" ] && return 0
        done
    fi
    case "$(uname -s)" in
        Linux) return 1 ;;
        *) return 0 ;; # Windows and macOS come with one (微软雅黑, 宋体; 华文黑体)
    esac
}

ensure_cjk_font() {
    cjk_font_present && return 0
    local -a install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-zenhei)
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            echo "Installing the Chinese font the PDF tests need (fonts-wqy-zenhei)"
            "${install[@]}" >/dev/null || { apt-get update -q >/dev/null && "${install[@]}" >/dev/null; } || true
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            echo "Installing the Chinese font the PDF tests need (fonts-wqy-zenhei)"
            sudo -n "${install[@]}" >/dev/null || { sudo -n apt-get update -q >/dev/null && sudo -n "${install[@]}" >/dev/null; } || true
        fi
    fi
    cjk_font_present && return 0
    echo "No Chinese TrueType font found: the PDF tests will fail until one is installed," \
         "e.g. sudo apt-get install fonts-wqy-zenhei (Fedora: sudo dnf install wqy-zenhei-fonts)." >&2
}
