// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>One data element: its type and where its data lies in the buffer it was read from.</summary>
/// <param name="Type">The tag's data type code (see <see cref="MatDataType"/>; unknown codes are kept as read).</param>
/// <param name="TagOffset">Where the tag starts.</param>
/// <param name="DataOffset">Where the data starts.</param>
/// <param name="Length">The data's byte count as the tag declares it (without padding).</param>
/// <param name="Next">Where the next element's tag starts (after the padding).</param>
internal readonly record struct MatElement(int Type, int TagOffset, int DataOffset, int Length, int Next);
