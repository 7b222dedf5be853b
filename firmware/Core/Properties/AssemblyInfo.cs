// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("TinTin.Firmware.Core")]
[assembly: AssemblyDescription("the portable core of the TinTin.Nano device application: learning loop, link protocol, checkpoints, counters")]
[assembly: AssemblyCompany("TinTin.Nano")]
[assembly: AssemblyProduct("TinTin.Nano")]
[assembly: AssemblyCopyright("Copyright (c) TinTin.Nano contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
