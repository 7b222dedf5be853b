// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("TinTin.DeviceTwin")]
[assembly: AssemblyDescription("a few training steps of every catalog model in every mode, printed as weight checksums: the same bits on host and device")]
[assembly: AssemblyCompany("TinTin.Nano")]
[assembly: AssemblyProduct("TinTin.Nano")]
[assembly: AssemblyCopyright("Copyright (c) TinTin.Nano contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
