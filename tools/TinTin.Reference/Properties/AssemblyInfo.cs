// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("TinTin.Reference")]
[assembly: AssemblyDescription("the FP32 reference trainer (float32 SGD of the same architectures as lib-tintin)")]
[assembly: AssemblyCompany("TinTin.Nano")]
[assembly: AssemblyProduct("TinTin.Nano")]
[assembly: AssemblyCopyright("Copyright (c) TinTin.Nano contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
