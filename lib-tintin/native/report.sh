#!/usr/bin/env bash
# Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
#
# Cross-compiles the native kernels for the MCU cores we target and reports what they cost there.
#
#   bash lib-tintin/native/report.sh                 build into a temporary folder, print the tables
#   bash lib-tintin/native/report.sh build OUT [SRC]  build OUT/<target>/*.o (+ .su) from SRC (default: this folder)
#   bash lib-tintin/native/report.sh table OUT        print the tables for objects built into OUT
#   bash lib-tintin/native/report.sh targets          list "target tool-prefix flags..." one per line
#
# Targets: Cortex-M0 and Cortex-M3 (arm-none-eabi-gcc, soft float ABI) and RV32IMC (riscv64-unknown-elf-gcc),
# all at -Os. On Debian: apt-get install gcc-arm-none-eabi gcc-riscv64-unknown-elf.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

# -ffreestanding: no hosted C library (the compiler's own <stdint.h>/<stddef.h> only).
# -fno-tree-loop-distribute-patterns: GCC would turn the kernels' clearing loops into memset calls.
common=(-std=c99 -Os -ffreestanding -fno-tree-loop-distribute-patterns -fstack-usage -Wall -Wextra -Werror -pedantic)

targets() {
  echo "cortex-m0 arm-none-eabi- -mcpu=cortex-m0 -mthumb -mfloat-abi=soft"
  echo "cortex-m3 arm-none-eabi- -mcpu=cortex-m3 -mthumb -mfloat-abi=soft"
  echo "rv32imc riscv64-unknown-elf- -march=rv32imc -mabi=ilp32"
}

build() {
  local out=$1 src=${2:-$here}
  local target prefix flags
  while read -r target prefix flags; do
    if ! command -v "${prefix}gcc" > /dev/null; then
      echo "report.sh: ${prefix}gcc not found (Debian: apt-get install gcc-arm-none-eabi gcc-riscv64-unknown-elf)" >&2
      exit 2
    fi

    mkdir -p "$out/$target"
    for c in "$src"/*.c; do
      local name
      name=$(basename "$c" .c)
      # shellcheck disable=SC2086
      (cd "$out/$target" && "${prefix}gcc" "${common[@]}" $flags -I"$src" -c "$c" -o "$name.o")
    done
  done < <(targets)
}

# One target's functions: "name own-stack worst-stack code-bytes" (worst: plus the deepest chain of kernel calls).
functions() {
  local dir=$1 prefix=$2
  {
    cat "$dir"/*.su | awk -F'\t' '{ n = split($1, p, ":"); print "SU", p[n], $2 }'
    for o in "$dir"/*.o; do
      "${prefix}nm" -S --radix=d --defined-only "$o" | awk 'NF == 4 && ($3 == "T" || $3 == "t") { print "SIZE", $4, $2 + 0 }'
      "${prefix}objdump" -dr "$o" | awk '
        /^[0-9a-f]+ <[^.>][^>]*>:$/ { f = $2; gsub(/[<>:]/, "", f) }
        /R_(ARM_THM_CALL|ARM_THM_JUMP24|RISCV_CALL|RISCV_CALL_PLT)/ { s = $NF; sub(/[+-]0x[0-9a-f]+$/, "", s); print "CALL", f, s }
        # calls to a function of the same object need no relocation: take the target from the disassembly
        /\t(b[a-z.]*|jal|j|call|tail)\t/ && match($0, /<[^>]+>$/) { s = substr($0, RSTART + 1, RLENGTH - 2); sub(/[+-]0x[0-9a-f]+$/, "", s); if (s != f) print "CALL", f, s }'
    done
  } | awk '
    $1 == "SU" { own[$2] = $3 } $1 == "SIZE" { size[$2] = $3 } $1 == "CALL" { calls[$2] = calls[$2] " " $3 }
    function worst(f,   n, c, i, best, w) {
      if (f in memo) return memo[f]
      memo[f] = own[f]
      best = 0; n = split(calls[f], c, " ")
      for (i = 1; i <= n; i++) if (c[i] in own) { w = worst(c[i]); if (w > best) best = w }
      memo[f] = own[f] + best; return memo[f]
    }
    END { for (f in own) print f, own[f], worst(f), (f in size ? size[f] : 0) }' | sort
}

# The symbols the objects need from outside the kernels (one a line).
external() {
  local dir=$1 prefix=$2
  comm -23 \
    <(for o in "$dir"/*.o; do "${prefix}nm" -u "$o" | awk '{ print $NF }'; done | sort -u) \
    <(for o in "$dir"/*.o; do "${prefix}nm" --defined-only "$o" | awk 'NF == 3 { print $3 }'; done | sort -u)
}

table() {
  local out=$1
  local target prefix flags
  local -a names=() prefixes=()
  declare -A own worst code text rodata undefined
  while read -r target prefix flags; do
    names+=("$target")
    prefixes+=("$prefix")
    while read -r f o w s; do
      own[$target,$f]=$o; worst[$target,$f]=$w; code[$target,$f]=$s
    done < <(functions "$out/$target" "$prefix")
    text[$target]=$("${prefix}size" -A "$out/$target"/*.o | awk '$1 ~ /^\.text/ { t += $2 } END { print t + 0 }')
    rodata[$target]=$("${prefix}size" -A "$out/$target"/*.o | awk '$1 ~ /^\.(rodata|srodata)/ { t += $2 } END { print t + 0 }')
    undefined[$target]=$(external "$out/$target" "$prefix" | tr '\n' ' ' | sed 's/ $//')
  done < <(targets)

  echo "| function | stack B ${names[0]} | stack B ${names[1]} | stack B ${names[2]} | code B ${names[0]} | code B ${names[1]} | code B ${names[2]} |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  local f t row
  for f in $(functions "$out/${names[0]}" "${prefixes[0]}" | awk '{ print $1 }'); do
    row="| \`$f\`"
    for t in "${names[@]}"; do
      if [ -n "${own[$t,$f]:-}" ] && [ "${own[$t,$f]}" != "${worst[$t,$f]}" ]; then
        row+=" | ${own[$t,$f]} (${worst[$t,$f]} with callees)"
      else
        row+=" | ${own[$t,$f]:-inlined}"
      fi
    done

    for t in "${names[@]}"; do
      row+=" | ${code[$t,$f]:-inlined}"
    done

    echo "$row |"
  done

  echo
  echo "| target | .text B | .rodata B | undefined symbols (libgcc integer helpers) |"
  echo "|---|---:|---:|---|"
  for t in "${names[@]}"; do
    echo "| $t | ${text[$t]} | ${rodata[$t]} | ${undefined[$t]:-none} |"
  done

  echo
  while read -r target prefix flags; do
    echo "- $target: \`$("${prefix}gcc" --version | head -n 1)\`, \`${common[*]} $flags\`"
  done < <(targets)
}

case "${1:-}" in
  build) build "$2" "${3:-}" ;;
  table) table "$2" ;;
  targets) targets ;;
  external) external "$2" "$3" ;;
  "")
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    build "$tmp"
    table "$tmp"
    ;;
  *) echo "usage: $0 [build OUT [SRC] | table OUT | targets]" >&2; exit 2 ;;
esac
