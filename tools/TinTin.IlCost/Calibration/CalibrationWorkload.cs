// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

#nullable disable

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Random;
using TinTin.Reference;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.IlCost.Calibration
{
    /// <summary>
    /// The workload that calibrates the interpreter-cost counter against the real nanoCLR: training steps
    /// of one catalog model in one mode (Tin-Tin, NITI or the FP32 reference), on inputs drawn from a seed
    /// and shaped like the real ones, as the bit-exact twin (tests/DeviceTwin) draws them. Every input is
    /// made when the workload is built, so a step is the library's training step and nothing else.
    /// </summary>
    /// <remarks>
    /// Written in the nanoFramework subset (C# 9, no generics): the same file is compiled for the
    /// interpreter by <c>calibrate.sh</c> (run under callgrind) and for .NET by the cost-counter tests
    /// (run under the counter), so both count the same steps of the same code.
    /// </remarks>
    public sealed class CalibrationWorkload
    {
        /// <summary>Tin-Tin.</summary>
        public const int TinTin = 0;

        /// <summary>NITI.</summary>
        public const int Niti = 1;

        /// <summary>The FP32 reference.</summary>
        public const int Fp32 = 2;

        /// <summary>The seed of the weights and the inputs (the twin's).</summary>
        public const uint Seed = 20261207;

        /// <summary>Real MNIST images for the runs with a negative zero share: 784 pixels (0..255) each, one after another.</summary>
        public static byte[] RealImages;

        /// <summary>Their labels.</summary>
        public static byte[] RealLabels;

        private readonly Model _model;
        private readonly Fp32Network _network;
        private readonly sbyte[][] _inputs;
        private readonly float[][] _realInputs;
        private readonly int[] _labels;
        private readonly Scale _scale;
        private int _next;

        /// <summary>Builds the model and draws <paramref name="samples"/> inputs.</summary>
        /// <param name="name">A catalog model.</param>
        /// <param name="mode"><see cref="TinTin"/>, <see cref="Niti"/> or <see cref="Fp32"/>.</param>
        /// <param name="samples">How many different inputs the steps cycle through.</param>
        /// <param name="zeroPercent">
        /// For image models: the share of pixels set to 0 (MNIST has about 81 %); 0 draws every pixel
        /// from 0..127 as the twin does; a negative share takes the images of <see cref="RealImages"/> instead
        /// (pixel / 2, as the benchmark does). Other models draw signed values from -127..127.
        /// </param>
        public CalibrationWorkload(string name, int mode, int samples, int zeroPercent)
        {
            _scale = Scale.PowerOfTwo(-7);
            Model start = new Model(ModelCatalog.Create(name), Options(mode == Fp32 ? TinTin : mode));
            Xorshift32 data = new Xorshift32(Seed);
            Shape shape = ModelCatalog.DefaultInput(name);
            bool image = shape.Height == 28;
            _inputs = new sbyte[samples][];
            _labels = new int[samples];
            for (int s = 0; s < samples; s++)
            {
                sbyte[] input = new sbyte[shape.Size];
                for (int i = 0; i < input.Length; i++)
                {
                    int value = image ? data.NextInt(128) : data.NextInt(255) - 127;
                    if (image && data.NextInt(100) < zeroPercent)
                    {
                        value = 0;
                    }

                    input[i] = (sbyte)value;
                }

                _inputs[s] = input;
                _labels[s] = data.NextInt(ModelCatalog.Classes);
                if (image && zeroPercent < 0)
                {
                    int images = RealLabels.Length;
                    for (int i = 0; i < input.Length; i++)
                    {
                        input[i] = (sbyte)(RealImages[((s % images) * input.Length) + i] >> 1);
                    }

                    _labels[s] = RealLabels[s % images];
                }
            }

            if (mode != Fp32)
            {
                _model = start;
                return;
            }

            // Started from the real values of the untrained Tin-Tin model's weights, as the benchmark does.
            _network = new Fp32Network(start.Spec);
            for (int l = 0; l < start.LayerCount; l++)
            {
                WeightedLayer layer = start.GetLayer(l) as WeightedLayer;
                if (layer != null)
                {
                    _network.CopyWeights(l, RealValues(layer.CopyWeights(), layer.WeightScale), layer.Biases == null ? null : RealValues(layer.Biases, layer.BiasScale));
                }
            }

            _network.LearningRate = 1f / 64;
            float unit = ScaleValue(_scale);
            _realInputs = new float[samples][];
            for (int s = 0; s < samples; s++)
            {
                float[] real = new float[_inputs[s].Length];
                for (int i = 0; i < real.Length; i++)
                {
                    real[i] = _inputs[s][i] * unit;
                }

                _realInputs[s] = real;
            }
        }

        /// <summary>The catalog's models.</summary>
        /// <returns>Their names.</returns>
        public static string[] Models()
        {
            return ModelCatalog.Names();
        }

        /// <summary>The name of a mode.</summary>
        /// <param name="mode">A mode.</param>
        /// <returns>tintin, niti or fp32.</returns>
        public static string ModeName(int mode)
        {
            return mode == TinTin ? "tintin" : (mode == Niti ? "niti" : "fp32");
        }

        /// <summary>One training step on the next input.</summary>
        public void Step()
        {
            int s = _next;
            _next = s + 1 == _labels.Length ? 0 : s + 1;
            if (_model != null)
            {
                _model.TrainStep(_inputs[s], _scale, _labels[s]);
            }
            else
            {
                _network.TrainStep(_realInputs[s], _labels[s]);
            }
        }

        private static TrainingOptions Options(int mode)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = mode == TinTin ? TrainingMode.TinTin : TrainingMode.Niti;
            options.Seed = Seed;
            options.InitialUpscale = mode == TinTin;
            options.LearningRate = Scale.PowerOfTwo(-6);
            options.MuBits = 1;
            return options;
        }

        private static float[] RealValues(sbyte[] values, Scale scale)
        {
            float unit = ScaleValue(scale);
            float[] real = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                real[i] = values[i] * unit;
            }

            return real;
        }

        private static float[] RealValues(int[] values, Scale scale)
        {
            float unit = ScaleValue(scale);
            float[] real = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                real[i] = values[i] * unit;
            }

            return real;
        }

        // 2^Pow2 * 3^Pow3 in float, by exact doublings and one rounding per factor of 3 (as the twin).
        private static float ScaleValue(Scale scale)
        {
            float value = 1f;
            for (int i = 0; i < scale.Pow3; i++)
            {
                value *= 3f;
            }

            for (int i = 0; i > scale.Pow3; i--)
            {
                value /= 3f;
            }

            for (int i = 0; i < scale.Pow2; i++)
            {
                value *= 2f;
            }

            for (int i = 0; i > scale.Pow2; i--)
            {
                value *= 0.5f;
            }

            return value;
        }
    }
}
