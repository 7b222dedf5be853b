// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Description
{
    /// <summary>
    /// The shape of a tensor, channels first: <c>Channels x Height x Width</c>, stored flat in that
    /// order. A 1-D signal is <c>Channels x 1 x Length</c>; a vector is <c>1 x 1 x Size</c>.
    /// </summary>
    public struct Shape
    {
        /// <summary>The number of channels.</summary>
        public int Channels;

        /// <summary>The height (1 for 1-D signals and vectors).</summary>
        public int Height;

        /// <summary>The width (the length of a 1-D signal or vector).</summary>
        public int Width;

        /// <summary>Creates a shape.</summary>
        /// <param name="channels">The number of channels.</param>
        /// <param name="height">The height.</param>
        /// <param name="width">The width.</param>
        public Shape(int channels, int height, int width)
        {
            Channels = channels;
            Height = height;
            Width = width;
        }

        /// <summary>A vector of <paramref name="size"/> elements.</summary>
        /// <param name="size">The number of elements.</param>
        /// <returns>The shape 1 x 1 x size.</returns>
        public static Shape Vector(int size)
        {
            return new Shape(1, 1, size);
        }

        /// <summary>Gets the number of elements.</summary>
        public int Size
        {
            get { return Channels * Height * Width; }
        }

        /// <summary>Returns the shape as text, e.g. <c>6x28x28</c>.</summary>
        /// <returns>The shape as text.</returns>
        public override string ToString()
        {
            return Channels.ToString() + "x" + Height.ToString() + "x" + Width.ToString();
        }
    }
}
