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
// workspace and scale arithmetic are internal. These assemblies see them:
// the kernel seam's native implementation (it overrides TrainingKernels' internal members),
[assembly: InternalsVisibleTo("TinTin.Engine.Native")]
// the on-device tests (every NFUnitTest* project, device and host builds, is named NFUnitTest),
[assembly: InternalsVisibleTo("NFUnitTest")]
// the host tools that measure or mirror the engine's insides (the native kernels' host library, the
// benchmark, the FP32 reference trainer with lib-tintin's buffer layout),
[assembly: InternalsVisibleTo("TinTin.NativeHost")]
[assembly: InternalsVisibleTo("TinTin.Bench")]
[assembly: InternalsVisibleTo("tintin")]
[assembly: InternalsVisibleTo("TinTin.Reference")]
[assembly: InternalsVisibleTo("TinTin.IlCost.Fixture")]
[assembly: InternalsVisibleTo("TinTin.IlCost.Calibration")]
// and the host tests.
[assembly: InternalsVisibleTo("TinTin.Engine.Tests")]
[assembly: InternalsVisibleTo("TinTin.Native.Tests")]
[assembly: InternalsVisibleTo("TinTin.Firmware.Tests")]
[assembly: InternalsVisibleTo("TinTin.Bench.Tests")]
[assembly: InternalsVisibleTo("TinTin.Reference.Tests")]
[assembly: InternalsVisibleTo("TinTin.DeviceTwin")]
