// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Description
{
    /// <summary>
    /// A model described once: the input shape and the list of layers, each shape computed and
    /// checked as the layer is added. A <see cref="TinTin.Model"/> is built from it, the memory
    /// planner reads it, and the model file stores it.
    /// </summary>
    /// <example>
    /// <code>
    /// var spec = new ModelSpec(new Shape(1, 28, 28))
    ///     .Conv2D(6, 5, 1, 2).ReLU().MaxPool2D(2)
    ///     .Conv2D(16, 5, 1, 0).ReLU().MaxPool2D(2)
    ///     .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(10);
    /// </code>
    /// </example>
    public sealed class ModelSpec
    {
        /// <summary>The most layers a model may have.</summary>
        public const int MaxLayers = 64;

        private LayerSpec[] _layers = new LayerSpec[8];
        private int _count;

        /// <summary>Starts a description with the given input shape.</summary>
        /// <param name="input">The shape of one input sample.</param>
        /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
        public ModelSpec(Shape input)
        {
            if (input.Channels <= 0 || input.Height <= 0 || input.Width <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(input));
            }

            Input = input;
        }

        /// <summary>Gets the input shape.</summary>
        public Shape Input { get; }

        /// <summary>Gets the output shape (the input shape while there are no layers).</summary>
        public Shape Output
        {
            get { return _count == 0 ? Input : _layers[_count - 1].Output; }
        }

        /// <summary>Gets the number of layers.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets a layer.</summary>
        /// <param name="index">The layer index, 0 first.</param>
        /// <returns>The layer description.</returns>
        public LayerSpec this[int index]
        {
            get
            {
                if (index < 0 || index >= _count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return _layers[index];
            }
        }

        /// <summary>Adds a fully connected layer; the input is used as a flat vector.</summary>
        /// <param name="outputs">The number of outputs.</param>
        /// <param name="bias">Whether to add int32 biases.</param>
        /// <returns>This description.</returns>
        public ModelSpec Dense(int outputs, bool bias = true)
        {
            return Add(new LayerSpec(LayerKind.Dense, outputs, 0, 0, 0, bias));
        }

        /// <summary>Adds a 2-D convolution (square kernel).</summary>
        /// <param name="filters">The number of output channels.</param>
        /// <param name="kernel">The kernel size.</param>
        /// <param name="stride">The stride.</param>
        /// <param name="padding">Zero padding on each side.</param>
        /// <param name="bias">Whether to add int32 biases.</param>
        /// <returns>This description.</returns>
        public ModelSpec Conv2D(int filters, int kernel, int stride = 1, int padding = 0, bool bias = true)
        {
            return Add(new LayerSpec(LayerKind.Conv2D, filters, kernel, stride, padding, bias));
        }

        /// <summary>Adds a 1-D convolution over Channels x 1 x Length.</summary>
        /// <param name="filters">The number of output channels.</param>
        /// <param name="kernel">The kernel length.</param>
        /// <param name="stride">The stride.</param>
        /// <param name="padding">Zero padding on each side.</param>
        /// <param name="bias">Whether to add int32 biases.</param>
        /// <returns>This description.</returns>
        public ModelSpec Conv1D(int filters, int kernel, int stride = 1, int padding = 0, bool bias = true)
        {
            return Add(new LayerSpec(LayerKind.Conv1D, filters, kernel, stride, padding, bias));
        }

        /// <summary>Adds 2-D max pooling with a square window (stride = window unless given).</summary>
        /// <param name="window">The window size.</param>
        /// <param name="stride">The stride; 0 means the window size.</param>
        /// <returns>This description.</returns>
        public ModelSpec MaxPool2D(int window, int stride = 0)
        {
            return Add(new LayerSpec(LayerKind.MaxPool2D, 0, window, stride == 0 ? window : stride, 0, false));
        }

        /// <summary>Adds 1-D max pooling (stride = window unless given).</summary>
        /// <param name="window">The window length.</param>
        /// <param name="stride">The stride; 0 means the window length.</param>
        /// <returns>This description.</returns>
        public ModelSpec MaxPool1D(int window, int stride = 0)
        {
            return Add(new LayerSpec(LayerKind.MaxPool1D, 0, window, stride == 0 ? window : stride, 0, false));
        }

        /// <summary>Adds a ReLU.</summary>
        /// <returns>This description.</returns>
        public ModelSpec ReLU()
        {
            return Add(new LayerSpec(LayerKind.ReLU, 0, 0, 0, 0, false));
        }

        /// <summary>Adds a flatten (reshape to a vector).</summary>
        /// <returns>This description.</returns>
        public ModelSpec Flatten()
        {
            return Add(new LayerSpec(LayerKind.Flatten, 0, 0, 0, 0, false));
        }

        /// <summary>Appends a layer, computing and checking its shapes.</summary>
        /// <param name="layer">The layer description (not yet part of a model).</param>
        /// <returns>This description.</returns>
        /// <exception cref="ArgumentException">The layer does not fit the current output shape.</exception>
        public ModelSpec Add(LayerSpec layer)
        {
            if (layer == null)
            {
                throw new ArgumentNullException(nameof(layer));
            }

            if (_count == MaxLayers)
            {
                throw new InvalidOperationException("too many layers");
            }

            Shape input = Output;
            layer.Input = input;
            layer.Output = OutputShape(layer, input);
            if (_count == _layers.Length)
            {
                var grown = new LayerSpec[_layers.Length * 2];
                Array.Copy(_layers, grown, _count);
                _layers = grown;
            }

            _layers[_count++] = layer;
            return this;
        }

        private static Shape OutputShape(LayerSpec layer, Shape input)
        {
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    Require(layer.Units > 0, "Dense needs at least one output");
                    return Shape.Vector(layer.Units);
                case LayerKind.Conv2D:
                    Require(layer.Units > 0 && layer.Kernel > 0 && layer.Stride > 0 && layer.Padding >= 0, "Conv2D needs filters, kernel and stride > 0, padding >= 0");
                    return new Shape(layer.Units, Extent(input.Height, layer), Extent(input.Width, layer));
                case LayerKind.Conv1D:
                    Require(input.Height == 1, "Conv1D needs a Channels x 1 x Length input");
                    Require(layer.Units > 0 && layer.Kernel > 0 && layer.Stride > 0 && layer.Padding >= 0, "Conv1D needs filters, kernel and stride > 0, padding >= 0");
                    return new Shape(layer.Units, 1, Extent(input.Width, layer));
                case LayerKind.MaxPool2D:
                    Require(layer.Kernel > 0 && layer.Stride > 0, "MaxPool2D needs a window and stride > 0");
                    Shape pooled = new Shape(input.Channels, Extent(input.Height, layer), Extent(input.Width, layer));
                    Require(layer.Stride >= layer.Kernel, "MaxPool2D windows may not overlap (stride must be at least the window)");
                    return pooled;
                case LayerKind.MaxPool1D:
                    Require(input.Height == 1, "MaxPool1D needs a Channels x 1 x Length input");
                    Require(layer.Kernel > 0 && layer.Stride > 0, "MaxPool1D needs a window and stride > 0");
                    Shape pooled1 = new Shape(input.Channels, 1, Extent(input.Width, layer));
                    Require(layer.Stride >= layer.Kernel, "MaxPool1D windows may not overlap (stride must be at least the window)");
                    return pooled1;
                case LayerKind.ReLU:
                    return input;
                case LayerKind.Flatten:
                    return Shape.Vector(input.Size);
                default:
                    throw new ArgumentException("unknown layer kind");
            }
        }

        private static int Extent(int size, LayerSpec layer)
        {
            int padded = size + 2 * layer.Padding;
            Require(padded >= layer.Kernel, LayerSpec.KindName(layer.Kind) + ": the window is larger than the (padded) input");
            return (padded - layer.Kernel) / layer.Stride + 1;
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message);
            }
        }
    }
}
