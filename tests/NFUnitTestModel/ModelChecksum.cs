// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin;
using TinTin.Layers;
using TinTin.Persistence;

namespace NFUnitTest
{
    // CRC-32 over the whole training state of a model: every weighted layer's int8 weights, int32 biases
    // and weight-scale exponents (S, U, D), then the PRNG state and the sample count. Integers are fed
    // little-endian, so the value does not depend on the platform.
    internal static class ModelChecksum
    {
        public static uint Of(Model model)
        {
            uint crc = 0;
            for (int l = 0; l < model.LayerCount; l++)
            {
                WeightedLayer layer = model.GetLayer(l) as WeightedLayer;
                if (layer == null)
                {
                    continue;
                }

                sbyte[] weights = layer.CopyWeights();
                byte[] bytes = new byte[weights.Length];
                for (int i = 0; i < weights.Length; i++)
                {
                    bytes[i] = (byte)weights[i];
                }

                crc = Crc32.Update(crc, bytes, 0, bytes.Length);
                int[] biases = layer.Biases;
                if (biases != null)
                {
                    for (int i = 0; i < biases.Length; i++)
                    {
                        crc = AddInt(crc, biases[i]);
                    }
                }

                crc = AddInt(crc, layer.WeightScale.Shift);
                crc = AddInt(crc, layer.WeightScale.Up);
                crc = AddInt(crc, layer.WeightScale.Down);
            }

            // Through long: a plain int on nanoCLR, where (int) of a uint keeps the unsigned tag (see Xorshift32.NextInt()).
            crc = AddInt(crc, (int)(long)model.Random.State);
            return AddInt(crc, (int)model.Samples);
        }

        private static uint AddInt(uint crc, int value)
        {
            byte[] word = new byte[4];
            word[0] = (byte)value;
            word[1] = (byte)(value >> 8);
            word[2] = (byte)(value >> 16);
            word[3] = (byte)(value >> 24);
            return Crc32.Update(crc, word, 0, 4);
        }
    }
}
