// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Hello"/>: the board introduces itself after boot and on <see cref="CommandCode.SendHello"/>.
    /// </summary>
    /// <remarks>
    /// Payload: protocol major u8, protocol minor u8, firmware major, minor, build, revision u16 each, model
    /// description hash u32, planned bytes u32, flags u8 (bit 0: FPU present; other bits 0, ignored by readers),
    /// target name (u8 length, at most 32 UTF-8 bytes).
    /// </remarks>
    public sealed class HelloMessage
    {
        /// <summary>Payload bytes before the target name's text.</summary>
        public const int FixedLength = 20;

        /// <summary>The longest target name, in UTF-8 bytes.</summary>
        public const int MaxTargetNameBytes = 32;

        /// <summary>The sender's protocol major version (the frame version).</summary>
        public int ProtocolMajor { get; set; } = LinkProtocol.Version;

        /// <summary>The sender's protocol minor version.</summary>
        public int ProtocolMinor { get; set; } = LinkProtocol.MinorVersion;

        /// <summary>Firmware version, major part (0 to 65535).</summary>
        public int FirmwareMajor { get; set; }

        /// <summary>Firmware version, minor part (0 to 65535).</summary>
        public int FirmwareMinor { get; set; }

        /// <summary>Firmware version, build part (0 to 65535).</summary>
        public int FirmwareBuild { get; set; }

        /// <summary>Firmware version, revision part (0 to 65535).</summary>
        public int FirmwareRevision { get; set; }

        /// <summary>A 32-bit hash of the model description (architecture and options), e.g. its CRC-32.</summary>
        public uint ModelHash { get; set; }

        /// <summary>The memory plan's total, bytes (0 to 4294967295).</summary>
        public long PlannedBytes { get; set; }

        /// <summary>True when the MCU has a floating-point unit.</summary>
        public bool HasFpu { get; set; }

        /// <summary>The nanoFramework target name, e.g. ESP32_PSRAM_REV0; written cut to 32 bytes.</summary>
        public string TargetName { get; set; }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for <see cref="FixedLength"/> + <see cref="MaxTargetNameBytes"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A field is outside its range.</exception>
        public int Write(byte[] buffer, int offset)
        {
            if (!IsByte(ProtocolMajor) || !IsByte(ProtocolMinor) || !IsUInt16(FirmwareMajor) || !IsUInt16(FirmwareMinor)
                || !IsUInt16(FirmwareBuild) || !IsUInt16(FirmwareRevision) || PlannedBytes < 0 || PlannedBytes > 0xFFFFFFFFL)
            {
                throw new ArgumentOutOfRangeException("hello", "a field is out of range");
            }

            buffer[offset] = (byte)ProtocolMajor;
            buffer[offset + 1] = (byte)ProtocolMinor;
            ByteOrder.WriteUInt16(buffer, offset + 2, FirmwareMajor);
            ByteOrder.WriteUInt16(buffer, offset + 4, FirmwareMinor);
            ByteOrder.WriteUInt16(buffer, offset + 6, FirmwareBuild);
            ByteOrder.WriteUInt16(buffer, offset + 8, FirmwareRevision);
            ByteOrder.WriteInt32(buffer, offset + 10, ModelHash);
            ByteOrder.WriteInt32(buffer, offset + 14, PlannedBytes);
            buffer[offset + 18] = (byte)(HasFpu ? 1 : 0);
            return FixedLength - 1 + Utf8.WriteField(TargetName, buffer, offset + 19, MaxTargetNameBytes);
        }

        /// <summary>Reads a payload into this object.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused (this object is then unspecified).</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            if (count < FixedLength || count > FixedLength + MaxTargetNameBytes)
            {
                return NakReason.BadLength;
            }

            ProtocolMajor = buffer[offset];
            ProtocolMinor = buffer[offset + 1];
            FirmwareMajor = ByteOrder.ReadUInt16(buffer, offset + 2);
            FirmwareMinor = ByteOrder.ReadUInt16(buffer, offset + 4);
            FirmwareBuild = ByteOrder.ReadUInt16(buffer, offset + 6);
            FirmwareRevision = ByteOrder.ReadUInt16(buffer, offset + 8);
            ModelHash = (uint)ByteOrder.ReadInt32(buffer, offset + 10);
            PlannedBytes = ByteOrder.ReadUInt32(buffer, offset + 14);
            HasFpu = (buffer[offset + 18] & 1) != 0;
            string name;
            NakReason r = Utf8.ReadField(buffer, offset + 19, count - 19, MaxTargetNameBytes, out name);
            TargetName = name;
            return r;
        }

        private static bool IsByte(int v)
        {
            return v >= 0 && v <= 0xFF;
        }

        private static bool IsUInt16(int v)
        {
            return v >= 0 && v <= 0xFFFF;
        }
    }
}
