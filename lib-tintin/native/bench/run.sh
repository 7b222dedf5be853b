#!/usr/bin/env bash
# The Cortex-M3 benchmark: native Tin-Tin int8 against soft-float FP32, instructions per training sample
# and per inference on every catalog model, counted exactly under QEMU (docs/native-kernels.md,
# "Measured on a Cortex-M3").
#
#   bash lib-tintin/native/bench/run.sh [OUT_DIR]
#   TT_BENCH_OPT=-O2 bash lib-tintin/native/bench/run.sh     (every C file at -O2 instead of -Os)
#   TT_BENCH_PROFILE="mnist-mlp int8 train" bash lib-tintin/native/bench/run.sh
#       also: where the instructions of the matching regions go, per function (a second QEMU run)
#
# Needs arm-none-eabi-gcc (Debian gcc-arm-none-eabi, with libnewlib-arm-none-eabi for the harness and
# FP32's expf/logf), qemu-system-arm (Debian qemu-system-arm, built with TCG plugin support) and the
# host's gcc (for the counting plugin). Builds into OUT_DIR (default: a temporary folder, removed), runs
# bench.elf on `qemu-system-arm -M mps2-an385` with insn_count.so, prints the per-region counts
# (OUT_DIR/regions.txt) and the table. Exit status 0 only when the run finished, the counter passed its
# self-check and every figure was produced.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
native="$(cd "$here/.." && pwd)"
repo="$(cd "$native/../.." && pwd)"

for tool in arm-none-eabi-gcc arm-none-eabi-nm qemu-system-arm gcc; do
  if ! command -v "$tool" > /dev/null; then
    echo "run.sh: $tool is not installed (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm gcc)" >&2
    exit 2
  fi
done

if [ $# -ge 1 ]; then
  out="$1"
  mkdir -p "$out"
else
  out="$(mktemp -d /tmp/tintin-m3-XXXXXX)"
  trap 'rm -rf "$out"' EXIT
fi

cpu="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft"
opt="${TT_BENCH_OPT:--Os}"
# The kernels and the integer model exactly as report.sh compiles the kernels (freestanding, no libc);
# the FP32 reference the same way but with <math.h>; -Os everywhere.
kernel_flags="-std=c99 $opt -ffreestanding -fno-tree-loop-distribute-patterns $cpu -ffunction-sections -fdata-sections -Wall -Wextra -Werror -pedantic"
fp32_flags="-std=c99 $opt $cpu -ffunction-sections -fdata-sections -Wall -Wextra -Werror -pedantic"
harness_flags="-std=gnu99 $opt $cpu -ffunction-sections -fdata-sections -Wall -Wextra -Werror"

gcc -std=gnu11 -O2 -Wall -Wextra -Werror -fPIC -shared -o "$out/insn_count.so" "$here/insn_count.c"
objects=()
for src in "$native"/*.c "$here/tt_model.c"; do
  obj="$out/$(basename "${src%.c}").o"
  arm-none-eabi-gcc $kernel_flags -c "$src" -o "$obj"
  objects+=("$obj")
done
arm-none-eabi-gcc $fp32_flags -c "$here/fp32_model.c" -o "$out/fp32_model.o"
for src in bench_main.c bench_samples.c startup.c; do
  arm-none-eabi-gcc $harness_flags -c "$here/$src" -o "$out/${src%.c}.o"
done
objects+=("$out/fp32_model.o" "$out/bench_main.o" "$out/bench_samples.o" "$out/startup.o")
arm-none-eabi-gcc $cpu -nostartfiles --specs=nano.specs --specs=nosys.specs -T "$here/mps2-an385.ld" -Wl,--gc-sections \
  -o "$out/bench.elf" "${objects[@]}" -lm
marker="$(arm-none-eabi-nm "$out/bench.elf" | awk '$3 == "tt_bench_mark" { print $1 }')"
if [ -z "$marker" ]; then
  echo "run.sh: tt_bench_mark not found in bench.elf" >&2
  exit 1
fi

# No interrupt is enabled and nothing faults: the plugin's count is exact (see insn_count.c).
timeout 600 qemu-system-arm -M mps2-an385 -cpu cortex-m3 -display none -monitor none -serial none \
  -chardev file,id=semihosting,path="$out/guest.txt" -semihosting-config enable=on,target=native,chardev=semihosting -kernel "$out/bench.elf" \
  -plugin "$out/insn_count.so,marker=0x$marker,out=$out/counts.txt"
if ! grep -q '^DONE$' "$out/guest.txt"; then
  echo "run.sh: the benchmark did not finish:" >&2
  cat "$out/guest.txt" >&2
  exit 1
fi

# Pair the marks with the REGION lines: region i spans marks 2i and 2i+1.
grep '^REGION ' "$out/guest.txt" | cut -d' ' -f2- > "$out/region-names.txt"
grep -v '^total ' "$out/counts.txt" > "$out/marks.txt"
awk 'NR == FNR { name[FNR - 1] = $0; regions = FNR; next }
     { mark[FNR - 1] = $1; marks = FNR }
     END {
       if (marks != 2 * regions) { print "run.sh: " marks " marks for " regions " regions" > "/dev/stderr"; exit 1 }
       for (i = 0; i < regions; i++) print name[i], mark[2 * i + 1] - mark[2 * i]
     }' "$out/region-names.txt" "$out/marks.txt" > "$out/raw-regions.txt"

# The interpreter cost per training sample of each model's tintin row in docs/results.md, found by its column header
# (every "| model | mode |" table sets it again, so a later table without that column is not read with the column of an earlier one).
awk -F'|' '/^\| model \| mode \|/ { col = 0; for (i = 1; i <= NF; i++) if ($i ~ /interpreter cost \/ sample/) col = i; next }
           col && $3 ~ /^ *tintin *$/ { gsub(/[ ,]/, "", $2); gsub(/[ ,]/, "", $col); print $2, $col }' \
  "$repo/docs/results.md" > "$out/interpreter.txt"

awk -v version="$(arm-none-eabi-gcc --version | head -1) $opt" -v qemu="$(qemu-system-arm --version | head -1)" '
  FILENAME ~ /interpreter/ { interp[$1] = $2; next }
  {
    count = $NF; key = $1 " " $2 " " $3
    if (key == "calibration - empty") { overhead = count; next }
    if (key == "calibration - loop") { loop[$4] = count; next }
    n = count - overhead
    print $1, $2, $3, $4, n > OUT "/regions.txt"
    sum[key] += n; cnt[key]++
    if ($4 == 0) first[key] = n
    if (!(key in lo) || n < lo[key]) lo[key] = n
    if (!(key in hi) || n > hi[key]) hi[key] = n
    if (!seen[$1]++) order[++models] = $1
  }
  function mean(k) { return int(sum[k] / cnt[k] + 0.5) }
  function group(v,   s, neg) { neg = v < 0; if (neg) v = -v; s = sprintf("%d", v); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]([,]|$)/, ",&", s); return (neg ? "-" : "") s }
  END {
    check = loop[3000] - loop[1000]
    printf "counter self-check: calibration loop 3000 - loop 1000 = %d instructions (expected 4000), calling overhead %d subtracted from every region\n", check, overhead
    if (check != 4000) { print "run.sh: the instruction counter failed its self-check" > "/dev/stderr"; exit 1 }
    printf "%s; %s; mps2-an385 Cortex-M3\n\n", version, qemu
    print "| model | int8 train / sample | FP32 soft-float train / sample | FP32 / int8 | interpreter cost / sample (results.md) | interpreter / int8 | int8 inference | FP32 inference | FP32 / int8 inference | int8 step 1 (min-max of 8) | targets (>= 10x FP32, >= 100x interpreter) |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    failed = 0
    for (i = 1; i <= models; i++) {
      m = order[i]
      it = mean(m " int8 train"); ft = mean(m " fp32 train"); ii = mean(m " int8 infer"); fi = mean(m " fp32 infer")
      if (!(m in interp)) { print "run.sh: no tintin interpreter cost for " m " in docs/results.md" > "/dev/stderr"; exit 1 }
      r1 = ft / it; r2 = interp[m] / it
      met = (r1 >= 10 ? "10x met" : "10x NOT met") ", " (r2 >= 100 ? "100x met" : "100x NOT met")
      printf "| %s | %s | %s | %.1fx | %s | %.0fx | %s | %s | %.1fx | %s (%s-%s) | %s |\n", m, group(it), group(ft), r1, group(interp[m]), r2, group(ii), group(fi), fi / ii, group(first[m " int8 train"]), group(lo[m " int8 train"]), group(hi[m " int8 train"]), met
    }
  }' OUT="$out" "$out/interpreter.txt" "$out/raw-regions.txt"
echo
grep '^RESULT ' "$out/guest.txt"

if [ -n "${TT_BENCH_PROFILE:-}" ]; then
  regions="$(awk -v p="$TT_BENCH_PROFILE" 'index($0, p) == 1 { printf "%s%d", (n++ ? ":" : ""), NR - 1 }' "$out/region-names.txt")"
  if [ -z "$regions" ]; then
    echo "run.sh: no region starts with '$TT_BENCH_PROFILE'" >&2
    exit 1
  fi

  timeout 600 qemu-system-arm -M mps2-an385 -cpu cortex-m3 -display none -monitor none -serial none \
    -chardev file,id=semihosting,path="$out/guest-profile.txt" -semihosting-config enable=on,target=native,chardev=semihosting -kernel "$out/bench.elf" \
    -plugin "$out/insn_count.so,marker=0x$marker,out=$out/counts-profile.txt,profile=$out/profile.txt,regions=$regions"
  # Each block's instructions go to the function whose symbol starts at or below the block's address.
  arm-none-eabi-nm -n --defined-only "$out/bench.elf" | awk '$2 ~ /^[Tt]$/ { print $1, $3 }' > "$out/symbols.txt"
  echo
  echo "where the instructions of the regions '$TT_BENCH_PROFILE' go (summed over $(echo "$regions" | tr ':' '\n' | wc -l) regions):"
  awk 'function hex(s,   v, i) { v = 0; s = tolower(s); for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
       NR == FNR { addr[NR] = hex($1); name[NR] = $2; n = NR; next }
       { a = hex($1); lo = 1; hi = n
         while (lo < hi) { mid = int((lo + hi + 1) / 2); if (addr[mid] <= a) lo = mid; else hi = mid - 1 }
         total[name[lo]] += $2 * $3; all += $2 * $3 }
       END { for (f in total) printf "%14d %5.1f%%  %s\n", total[f], 100 * total[f] / all, f; printf "%14d total\n", all > "/dev/stderr" }' \
    "$out/symbols.txt" "$out/profile.txt" | sort -rn | head -25
fi
