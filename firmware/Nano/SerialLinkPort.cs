// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO.Ports;
using TinTin.Firmware.Core.App;

namespace TinTin.Firmware.Nano
{
    /// <summary>
    /// The link to the host on a UART (COM2 on ESP32; COM1 stays with Visual Studio's debugger).
    /// Reads never wait: the main loop polls. The frames are self-delimiting, so the 0x00 bytes some
    /// STM32 images drop from <c>SerialPort.Read</c> (nanoFramework Home#1211) cost no frame.
    /// </summary>
    public sealed class SerialLinkPort : ILinkPort
    {
        private readonly SerialPort _port;

        /// <summary>Opens the port at 8N1.</summary>
        /// <param name="portName">COM2 (ESP32), or the STM32 image's port.</param>
        /// <param name="baudRate">921600 by default (docs/protocol.md).</param>
        public SerialLinkPort(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.ReadTimeout = 0;
            _port.Open();
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            if (waiting <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
