// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Layers;
using TinTin.Persistence;
using TinTin.Random;
using TinTin.Reference;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.DeviceTwin
{
    /// <summary>
    /// A few training steps of every catalog model in Tin-Tin, NITI and the FP32 reference, on inputs
    /// drawn from a seed and shaped like the real ones, each ending in a line with the weights' CRC-32.
    /// The same code runs on the host (.NET) and on the nanoFramework interpreter; a test compares the
    /// lines, so "same seed, same bits on host and board" is checked for whole models, not one layer.
    /// </summary>
    public static class TwinRun
    {
        /// <summary>Training steps per model and mode (with a mini-batch flush at the end).</summary>
        public const int Steps = 3;

        /// <summary>The seed of the weights, the inputs and the labels.</summary>
        public const uint Seed = 20261207;

        /// <summary>Runs every model in every mode and returns one line per run.</summary>
        /// <returns>Lines <c>twin &lt;model&gt; &lt;mode&gt; steps=N loss=L crc=XXXXXXXX</c>.</returns>
        public static string[] Run()
        {
            string[] names = ModelCatalog.Names();
            string[] lines = new string[names.Length * 3];
            for (int m = 0; m < names.Length; m++)
            {
                lines[3 * m] = RunInteger(names[m], TrainingMode.TinTin);
                lines[3 * m + 1] = RunInteger(names[m], TrainingMode.Niti);
                lines[3 * m + 2] = RunFloat(names[m]);
            }

            return lines;
        }

        private static string RunInteger(string name, TrainingMode mode)
        {
            Model model = new Model(ModelCatalog.Create(name), Options(mode));
            Xorshift32 data = new Xorshift32(Seed);
            long loss = 0;
            for (int step = 0; step < Steps; step++)
            {
                sbyte[] input = Input(name, data);
                loss += model.TrainStep(input, InputScale(name), data.NextInt(ModelCatalog.Classes));
            }

            model.ApplyPending();
            return Line(name, mode == TrainingMode.TinTin ? "tintin" : "niti", loss.ToString(), WeightsCrc(model));
        }

        private static string RunFloat(string name)
        {
            // Started from the real values of the untrained Tin-Tin model's weights, as the benchmark does.
            Model start = new Model(ModelCatalog.Create(name), Options(TrainingMode.TinTin));
            Fp32Network network = new Fp32Network(start.Spec);
            for (int l = 0; l < start.LayerCount; l++)
            {
                WeightedLayer layer = start.GetLayer(l) as WeightedLayer;
                if (layer != null)
                {
                    network.CopyWeights(l, RealValues(layer.CopyWeights(), layer.WeightScale), layer.Biases == null ? null : RealValues(layer.Biases, layer.BiasScale));
                }
            }

            network.LearningRate = 1f / 64;
            Xorshift32 data = new Xorshift32(Seed);
            float loss = 0;
            float inputUnit = ScaleValue(InputScale(name));
            for (int step = 0; step < Steps; step++)
            {
                sbyte[] input = Input(name, data);
                float[] real = new float[input.Length];
                for (int i = 0; i < input.Length; i++)
                {
                    real[i] = input[i] * inputUnit;
                }

                loss += network.TrainStep(real, data.NextInt(ModelCatalog.Classes));
            }

            uint crc = 0;
            for (int l = 0; l < network.LayerCount; l++)
            {
                crc = FloatCrc(crc, network.GetWeights(l));
                crc = FloatCrc(crc, network.GetBiases(l));
            }

            return Line(name, "fp32", ToHex(FloatBits(loss)), crc);
        }

        private static TrainingOptions Options(TrainingMode mode)
        {
            TrainingOptions options = new TrainingOptions();
            options.Mode = mode;
            options.Seed = Seed;
            options.InitialUpscale = mode == TrainingMode.TinTin;
            options.LearningRate = Scale.PowerOfTwo(-6);
            options.MuBits = 1;
            return options;
        }

        /// <summary>A sample shaped like the model's real input: pixels 0..127, or signed features and counts.</summary>
        private static sbyte[] Input(string name, Xorshift32 data)
        {
            Shape shape = ModelCatalog.DefaultInput(name);
            sbyte[] input = new sbyte[shape.Size];
            bool image = shape.Height == 28;
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (sbyte)(image ? data.NextInt(128) : data.NextInt(255) - 127);
            }

            return input;
        }

        private static Scale InputScale(string name)
        {
            return Scale.PowerOfTwo(-7);
        }

        private static uint WeightsCrc(Model model)
        {
            uint crc = 0;
            for (int l = 0; l < model.LayerCount; l++)
            {
                WeightedLayer layer = model.GetLayer(l) as WeightedLayer;
                if (layer == null)
                {
                    continue;
                }

                sbyte[] int8 = layer.CopyWeights();
                byte[] weights = new byte[int8.Length];
                for (int i = 0; i < weights.Length; i++)
                {
                    weights[i] = (byte)int8[i];
                }

                crc = Crc32.Update(crc, weights, 0, weights.Length);
                if (layer.Biases != null)
                {
                    for (int i = 0; i < layer.Biases.Length; i++)
                    {
                        byte[] bytes = BitConverter.GetBytes(layer.Biases[i]);
                        crc = Crc32.Update(crc, bytes, 0, bytes.Length);
                    }
                }
            }

            return crc;
        }

        private static uint FloatCrc(uint crc, float[] values)
        {
            if (values == null)
            {
                return crc;
            }

            for (int i = 0; i < values.Length; i++)
            {
                byte[] bytes = BitConverter.GetBytes(values[i]);
                crc = Crc32.Update(crc, bytes, 0, bytes.Length);
            }

            return crc;
        }

        private static uint FloatBits(float value)
        {
            byte[] b = BitConverter.GetBytes(value);
            return (uint)(b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24));
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

        /// <summary>2^Pow2 * 3^Pow3 in float, by exact doublings and one rounding per factor of 3.</summary>
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

        private static string Line(string name, string mode, string loss, uint crc)
        {
            return "twin " + name + " " + mode + " steps=" + Steps.ToString() + " loss=" + loss + " crc=" + ToHex(crc);
        }

        private static string ToHex(uint value)
        {
            return value.ToString("X8");
        }
    }
}
