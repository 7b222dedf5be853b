// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// UTF-8 for the link's text fields, written here because mscorlib has no Encoding (that is System.Text, a
    /// package the core does not reference). Text fields are a u8 byte count followed by that many bytes.
    /// </summary>
    public static class Utf8
    {
        /// <summary>Writes a text field: a length byte, then the UTF-8 bytes, cut at a character boundary to fit.</summary>
        /// <param name="text">The text; null is written as empty.</param>
        /// <param name="buffer">The destination, with room for 1 + <paramref name="maxBytes"/> bytes.</param>
        /// <param name="offset">Where the length byte goes.</param>
        /// <param name="maxBytes">The most text bytes, 0 to 255.</param>
        /// <returns>The bytes written, length byte included.</returns>
        public static int WriteField(string text, byte[] buffer, int offset, int maxBytes)
        {
            int n = Encode(text, buffer, offset + 1, maxBytes);
            buffer[offset] = (byte)n;
            return n + 1;
        }

        /// <summary>Encodes text, stopping before the first character that would not fit.</summary>
        /// <param name="text">The text; null is empty. A lone surrogate becomes U+FFFD.</param>
        /// <param name="buffer">The destination.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="maxBytes">The most bytes to write.</param>
        /// <returns>The bytes written.</returns>
        public static int Encode(string text, byte[] buffer, int offset, int maxBytes)
        {
            if (text == null)
            {
                return 0;
            }

            int o = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int c = text[i];
                int need;
                if (c < 0x80)
                {
                    need = 1;
                }
                else if (c < 0x800)
                {
                    need = 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    need = 4;
                }
                else
                {
                    need = 3;
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }
                }

                if (o + need > maxBytes)
                {
                    break;
                }

                int at = offset + o;
                if (need == 1)
                {
                    buffer[at] = (byte)c;
                }
                else if (need == 2)
                {
                    buffer[at] = (byte)(0xC0 | (c >> 6));
                    buffer[at + 1] = (byte)(0x80 | (c & 0x3F));
                }
                else if (need == 3)
                {
                    buffer[at] = (byte)(0xE0 | (c >> 12));
                    buffer[at + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[at + 2] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    buffer[at] = (byte)(0xF0 | (cp >> 18));
                    buffer[at + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[at + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[at + 3] = (byte)(0x80 | (cp & 0x3F));
                }

                o += need;
            }

            return o;
        }

        /// <summary>Decodes strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>The text, or null if the bytes are not valid UTF-8.</returns>
        public static string Decode(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return string.Empty;
            }

            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b = buffer[i++];
                if (b < 0x80)
                {
                    chars[n++] = (char)b;
                    continue;
                }

                int more;
                int cp;
                int min;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    more = 1;
                    cp = b & 0x1F;
                    min = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    more = 2;
                    cp = b & 0x0F;
                    min = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    more = 3;
                    cp = b & 0x07;
                    min = 0x10000;
                }
                else
                {
                    return null;
                }

                if (more > end - i)
                {
                    return null;
                }

                for (int k = 0; k < more; k++)
                {
                    int c = buffer[i++];
                    if ((c & 0xC0) != 0x80)
                    {
                        return null;
                    }

                    cp = (cp << 6) | (c & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return null;
                }

                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
            }

            return new string(chars, 0, n);
        }

        /// <summary>Reads a text field written by <see cref="WriteField"/>.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">Where the length byte is.</param>
        /// <param name="available">Bytes from <paramref name="offset"/> to the end of the payload.</param>
        /// <param name="maxBytes">The most text bytes the field may hold.</param>
        /// <param name="text">The text, or null when the result is not <see cref="NakReason.None"/>.</param>
        /// <returns><see cref="NakReason.BadLength"/> if the field does not end exactly at the payload's end,
        /// <see cref="NakReason.BadText"/> if too long or not UTF-8, else <see cref="NakReason.None"/>.</returns>
        public static NakReason ReadField(byte[] buffer, int offset, int available, int maxBytes, out string text)
        {
            text = null;
            if (available < 1 || buffer[offset] != available - 1)
            {
                return NakReason.BadLength;
            }

            int n = available - 1;
            if (n > maxBytes)
            {
                return NakReason.BadText;
            }

            text = Decode(buffer, offset + 1, n);
            return text == null ? NakReason.BadText : NakReason.None;
        }
    }
}
