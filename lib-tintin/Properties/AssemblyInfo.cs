// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("TinTin.Engine")]
[assembly: AssemblyDescription("the Tin-Tin integer training engine (int8/int32 only)")]
[assembly: AssemblyCompany("TinTin.Nano")]
[assembly: AssemblyProduct("TinTin.Nano")]
[assembly: AssemblyCopyright("Copyright (c) TinTin.Nano contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]

// The public surface is what an app needs (lib-tintin/README.md, "Public API"); the kernels, layers,
// workspace, scale arithmetic and PRNG are internal. These assemblies see them.

// The kernel seam's native implementation: NativeTrainingKernels overrides TrainingKernels' internal members.
[assembly: InternalsVisibleTo("TinTin.Engine.Native")]

// The on-device tests: every NFUnitTest* project is named NFUnitTest, on the device and in its host build.
[assembly: InternalsVisibleTo("NFUnitTest")]

// Device programs that measure or mirror the engine: the bit-exact twin and the interpreter cost calibration
// (tools/TinTin.IlCost/Calibration, also compiled into the host fixture TinTin.IlCost.Fixture).
[assembly: InternalsVisibleTo("TinTin.DeviceTwin")]
[assembly: InternalsVisibleTo("TinTin.IlCost.Calibration")]
[assembly: InternalsVisibleTo("TinTin.IlCost.Fixture")]

// The FP32 reference trainer, which keeps lib-tintin's buffer layout (LayerFactory's in-place rules).
[assembly: InternalsVisibleTo("TinTin.Reference")]

// Host tools: the native kernels' host library (a TrainingKernels), the benchmark (PRNG, layers' weights,
// counting kernels) and the CLI (`tintin model` prints each layer's weights and scales).
[assembly: InternalsVisibleTo("TinTin.NativeHost")]
[assembly: InternalsVisibleTo("TinTin.Bench")]
[assembly: InternalsVisibleTo("tintin")]

// Host tests.
[assembly: InternalsVisibleTo("TinTin.Bench.Tests")]
[assembly: InternalsVisibleTo("TinTin.Engine.Tests")]
[assembly: InternalsVisibleTo("TinTin.Firmware.Tests")]
[assembly: InternalsVisibleTo("TinTin.Native.Tests")]
[assembly: InternalsVisibleTo("TinTin.Reference.Tests")]
