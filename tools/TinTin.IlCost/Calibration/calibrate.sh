#!/usr/bin/env bash
# Calibration of the interpreter-cost counter against the real nanoCLR (see docs/results.md,
# "Calibrating the cost counter"): builds CalibrationProgram for the interpreter with the repository's
# device builder (tools/NanoGate: Roslyn C# 9, Release, then the metadata processor), runs it under
# valgrind --tool=callgrind, and prints, per phase, the x86 instructions the interpreter executed.
#   usage: tools/TinTin.IlCost/Calibration/calibrate.sh [OUTDIR]     (OUTDIR keeps the callgrind profiles)
# Needs ../shared/tools/nanoclr (or $TINTIN_NANOCLR), ../shared/data/mnist (or $TINTIN_DATA/mnist), valgrind
# and python3. Takes 25–50 minutes (most of it the long warm-ups under callgrind).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
nc="${TINTIN_NANOCLR:-$repo/../shared/tools/nanoclr}"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
proj="$out/project"
mkdir -p "$proj"
data="${TINTIN_DATA:-$repo/../shared/data}/mnist"
# The first 8 MNIST training images (CalibrationRuns.Samples), compiled into the program.
python3 - "$data" "$proj/MnistImages.cs" <<'PY'
import gzip, sys
folder, target = sys.argv[1], sys.argv[2]
n = 8
pixels = gzip.open(folder + "/train-images-idx3-ubyte.gz").read()[16:16 + 784 * n]
labels = gzip.open(folder + "/train-labels-idx1-ubyte.gz").read()[8:8 + n]
with open(target, "w") as f:
    f.write("namespace TinTin.IlCost.Calibration\n{\n    public static class MnistImages\n    {\n")
    f.write("        public static readonly byte[] Pixels = new byte[] { " + ", ".join(map(str, pixels)) + " };\n")
    f.write("        public static readonly byte[] Labels = new byte[] { " + ", ".join(map(str, labels)) + " };\n")
    f.write("    }\n}\n")
PY
cat > "$proj/TinTin.IlCost.Calibration.nfproj" <<XML
<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <RootNamespace>TinTin.IlCost.Calibration</RootNamespace>
    <AssemblyName>TinTin.IlCost.Calibration</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$here/CalibrationProgram.cs" />
    <Compile Include="$here/CalibrationRuns.cs" />
    <Compile Include="$here/CalibrationWorkload.cs" />
    <Compile Include="$here/NativeCalls.cs" />
    <Compile Include="$proj/MnistImages.cs" />
  </ItemGroup>
  <ItemGroup>
    <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
    <Reference Include="System.Math, Version=1.5.116.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/lib-tintin/TinTin.Engine.nfproj" />
    <ProjectReference Include="$repo/tools/TinTin.Reference/TinTin.Reference.nfproj" />
  </ItemGroup>
</Project>
XML
# Build (and run once, natively, which also checks that the program runs).
export TMPDIR="$out/tmp"
mkdir -p "$TMPDIR"
dotnet run --project "$repo/tools/NanoGate" -- device run --root "$repo" "$proj/TinTin.IlCost.Calibration.nfproj" > "$out/native.txt"
cache="$TMPDIR/tintin-nanoclr-build"
pe() { ls -t "$cache"/"$1"-Release-*/"$1".pe | head -n 1; }
pes=("$nc/pe/mscorlib.pe" "$nc/pe/System.Math.pe" "$(pe TinTin.Engine)" "$(pe TinTin.Reference)" "$(pe TinTin.IlCost.Calibration)")
(cd "$out" && valgrind --tool=callgrind --dump-before='*System_Math::Cbrt*' --callgrind-out-file="$out/callgrind.out" \
    "$nc/bin/nanoclr-run" "${pes[@]}" > "$out/run.txt" 2> "$out/valgrind.txt")
# The phase lines name the profile (callgrind.out.N) that holds exactly that phase.
tr -d '\r' < "$out/run.txt" | grep '^phase ' | while read -r _ n kind run rest; do
  total=$(grep -m1 '^summary:' "$out/callgrind.out.$n" | awk '{print $2}')
  printf '%-8s %-28s %-12s %15s  %s\n' "$kind" "$run" "${rest:-}" "$total" "callgrind.out.$n"
done
