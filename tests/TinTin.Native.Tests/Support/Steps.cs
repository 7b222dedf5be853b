// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Scaling;

namespace TinTin.Native.Tests.Support;

/// <summary>Conversions between the native and managed rescale steps.</summary>
internal static class Steps
{
    public static RescaleStep ToManaged(NativeStep s) => new() { Shift = s.Shift, Up = s.Up, Down = s.Down, ResultMaxAbs = s.ResultMaxAbs };

    /// <summary>The same exponents (not merely the same value).</summary>
    public static bool Same(Scale a, Scale b) => a.Shift == b.Shift && a.Up == b.Up && a.Down == b.Down;

    public static NativeStep ToNative(RescaleStep s) => new() { Shift = s.Shift, Up = s.Up, Down = s.Down, ResultMaxAbs = s.ResultMaxAbs };
}
