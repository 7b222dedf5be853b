// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Description
{
    /// <summary>
    /// One layer of a model description: its kind, its parameters, and the shapes computed when it
    /// was added to a <see cref="ModelSpec"/>.
    /// </summary>
    public sealed class LayerSpec
    {
        /// <summary>Creates a layer description.</summary>
        /// <param name="kind">The layer type.</param>
        /// <param name="units">Dense outputs or convolution filters; 0 otherwise.</param>
        /// <param name="kernel">Convolution kernel or pooling window size; 0 otherwise.</param>
        /// <param name="stride">Convolution or pooling stride; 0 otherwise.</param>
        /// <param name="padding">Zero padding of a convolution on each side; 0 otherwise.</param>
        /// <param name="bias">Whether a Dense or convolution layer has int32 biases.</param>
        public LayerSpec(LayerKind kind, int units, int kernel, int stride, int padding, bool bias)
        {
            Kind = kind;
            Units = units;
            Kernel = kernel;
            Stride = stride;
            Padding = padding;
            Bias = bias;
        }

        /// <summary>Gets the layer type.</summary>
        public LayerKind Kind { get; }

        /// <summary>Gets the Dense output count or the number of convolution filters.</summary>
        public int Units { get; }

        /// <summary>Gets the kernel (convolution) or window (pooling) size.</summary>
        public int Kernel { get; }

        /// <summary>Gets the stride.</summary>
        public int Stride { get; }

        /// <summary>Gets the zero padding on each side (convolutions).</summary>
        public int Padding { get; }

        /// <summary>Gets whether the layer has int32 biases.</summary>
        public bool Bias { get; }

        /// <summary>Gets the input shape (set by <see cref="ModelSpec"/>).</summary>
        public Shape Input { get; internal set; }

        /// <summary>Gets the output shape (set by <see cref="ModelSpec"/>).</summary>
        public Shape Output { get; internal set; }

        /// <summary>Gets the number of int8 weights.</summary>
        public int WeightCount
        {
            get
            {
                switch (Kind)
                {
                    case LayerKind.Dense:
                        return Units * Input.Size;
                    case LayerKind.Conv2D:
                        return Units * Input.Channels * Kernel * Kernel;
                    case LayerKind.Conv1D:
                        return Units * Input.Channels * Kernel;
                    default:
                        return 0;
                }
            }
        }

        /// <summary>Gets the number of int32 biases.</summary>
        public int BiasCount
        {
            get { return Bias && WeightCount > 0 ? Units : 0; }
        }

        /// <summary>Gets the multiply-accumulates of one forward pass.</summary>
        public long ForwardMacs
        {
            get
            {
                switch (Kind)
                {
                    case LayerKind.Dense:
                        return (long)Units * Input.Size;
                    case LayerKind.Conv2D:
                        return (long)Output.Size * Input.Channels * Kernel * Kernel;
                    case LayerKind.Conv1D:
                        return (long)Output.Size * Input.Channels * Kernel;
                    default:
                        return 0;
                }
            }
        }

        /// <summary>Describes the layer, e.g. <c>Dense(10) 1x1x84 -&gt; 1x1x10</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
        {
            return KindName(Kind) + "(" + Units.ToString() + "," + Kernel.ToString() + "," + Stride.ToString() + "," + Padding.ToString() + (Bias ? ",bias" : "") + ") " + Input.ToString() + " -> " + Output.ToString();
        }

        /// <summary>The name of a layer kind (enum ToString returns a number on nanoFramework).</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>Its name.</returns>
        public static string KindName(LayerKind kind)
        {
            switch (kind)
            {
                case LayerKind.Dense:
                    return "Dense";
                case LayerKind.Conv2D:
                    return "Conv2D";
                case LayerKind.Conv1D:
                    return "Conv1D";
                case LayerKind.MaxPool2D:
                    return "MaxPool2D";
                case LayerKind.MaxPool1D:
                    return "MaxPool1D";
                case LayerKind.ReLU:
                    return "ReLU";
                case LayerKind.Flatten:
                    return "Flatten";
                default:
                    return "Unknown";
            }
        }
    }
}
