// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Scaling
{
    /// <summary>
    /// An int8 tensor: values in [-127, 127], its compound scale and an upper bound of its largest
    /// magnitude. The shape lives in the layer description; the buffer may be longer than the
    /// tensor (shared scratch). Fields, not properties: kernels read them once per call, and a
    /// property call costs as much as ~15 additions on the interpreter.
    /// </summary>
    internal sealed class Tensor8
    {
        /// <summary>The values (the first <see cref="Length"/> are the tensor).</summary>
        public sbyte[] Data;

        /// <summary>The number of elements.</summary>
        public int Length;

        /// <summary>The scale: element i is worth <c>Data[i] * Scale</c>.</summary>
        public Scale Scale;

        /// <summary>An upper bound of max |Data[i]| (exact after a rescale, an upper bound after ReLU).</summary>
        public int MaxAbs;

        /// <summary>Creates a tensor over a buffer.</summary>
        /// <param name="data">The buffer.</param>
        /// <param name="length">The number of elements in use.</param>
        public Tensor8(sbyte[] data, int length)
        {
            Data = data;
            Length = length;
            MaxAbs = 127;
        }
    }
}
