// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Description
{
    /// <summary>
    /// The named models of the evaluation (docs/results.md), in one place the board, the benchmark
    /// and the tests all build from: a name in nanoFramework.json or on the command line becomes the
    /// same architecture everywhere.
    /// </summary>
    public static class ModelCatalog
    {
        /// <summary>MNIST digits, 784 pixels through one hidden layer.</summary>
        public const string MnistMlp = "mnist-mlp";

        /// <summary>MNIST digits, LeNet-5.</summary>
        public const string MnistLeNet5 = "mnist-lenet5";

        /// <summary>CWRU bearing faults from the integer log-spectrum features.</summary>
        public const string CwruFftMlp = "cwru-fft-mlp";

        /// <summary>CWRU bearing faults from the raw window, a 1-D CNN.</summary>
        public const string CwruCnn1D = "cwru-cnn1d";

        /// <summary>Bands of the 1024-sample window's log spectrum that cwru-fft-mlp reads.</summary>
        public const int SpectrumBands = 64;

        /// <summary>Samples in the raw window cwru-cnn1d reads.</summary>
        public const int WindowLength = 1024;

        /// <summary>Classes of both tasks (ten digits; normal and nine faults).</summary>
        public const int Classes = 10;

        private static readonly string[] s_names = { MnistMlp, MnistLeNet5, CwruFftMlp, CwruCnn1D };

        /// <summary>Every model name, in the order of the results table.</summary>
        /// <returns>A new array of the names.</returns>
        public static string[] Names()
        {
            return (string[])s_names.Clone();
        }

        /// <summary>Whether a name is in the catalog.</summary>
        /// <param name="name">The name.</param>
        /// <returns>True for a catalog model.</returns>
        public static bool Contains(string name)
        {
            return IndexOf(name) >= 0;
        }

        /// <summary>The input a model reads when its task provides nothing else: 1x28x28 pixels, 64 bands, or a 1x1x1024 window.</summary>
        /// <param name="name">A catalog name.</param>
        /// <returns>The input shape.</returns>
        /// <exception cref="ArgumentException">The name is not in the catalog.</exception>
        public static Shape DefaultInput(string name)
        {
            switch (IndexOf(name))
            {
                case 0:
                case 1:
                    return new Shape(1, 28, 28);
                case 2:
                    return Shape.Vector(SpectrumBands);
                case 3:
                    return new Shape(1, 1, WindowLength);
                default:
                    throw Unknown(name);
            }
        }

        /// <summary>Describes a catalog model for its default input.</summary>
        /// <param name="name">A catalog name.</param>
        /// <returns>The description.</returns>
        /// <exception cref="ArgumentException">The name is not in the catalog.</exception>
        public static ModelSpec Create(string name)
        {
            return Create(name, DefaultInput(name));
        }

        /// <summary>Describes a catalog model for a given input shape.</summary>
        /// <param name="name">A catalog name.</param>
        /// <param name="input">The shape of one input sample.</param>
        /// <returns>The description.</returns>
        /// <exception cref="ArgumentException">The name is not in the catalog.</exception>
        public static ModelSpec Create(string name, Shape input)
        {
            switch (IndexOf(name))
            {
                case 0:
                    return new ModelSpec(Shape.Vector(input.Size)).Dense(128).ReLU().Dense(Classes);
                case 1:
                    return new ModelSpec(input)
                        .Conv2D(6, 5, 1, 2).ReLU().MaxPool2D(2)
                        .Conv2D(16, 5).ReLU().MaxPool2D(2)
                        .Flatten().Dense(120).ReLU().Dense(84).ReLU().Dense(Classes);
                case 2:
                    return new ModelSpec(Shape.Vector(input.Size)).Dense(64).ReLU().Dense(Classes);
                case 3:
                    return new ModelSpec(input)
                        .Conv1D(8, 9, 2, 4).ReLU().MaxPool1D(4)
                        .Conv1D(16, 9, 1, 4).ReLU().MaxPool1D(4)
                        .Flatten().Dense(Classes);
                default:
                    throw Unknown(name);
            }
        }

        private static int IndexOf(string name)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ArgumentException Unknown(string name)
        {
            return new ArgumentException("unknown model '" + name + "' (known: mnist-mlp, mnist-lenet5, cwru-fft-mlp, cwru-cnn1d)");
        }
    }
}
