package ar.booking.app.speech;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.messaging.whatsapp.media.MediaDownload;
import ar.booking.messaging.whatsapp.media.WhatsAppMediaDownloader;
import ar.booking.speech.AudioSource;

/** The WhatsApp media download as the speech adapter's {@link AudioSource}. */
public final class WhatsAppAudio implements AudioSource {

  private final WhatsAppMediaDownloader downloader;

  public WhatsAppAudio(WhatsAppMediaDownloader downloader) {
    this.downloader = downloader;
  }

  @Override
  public Fetched fetch(InboundMessage.MediaRef note) {
    return switch (downloader.download(note.id(), note.sha256())) {
      case MediaDownload.Downloaded d -> new Fetched.Audio(d.bytes());
      case MediaDownload.TooLarge t ->
          new Fetched.Unusable("too large (" + t.size() + " bytes, at most " + t.max() + ")");
      case MediaDownload.HashMismatch h -> new Fetched.Unusable("damaged download (sha256)");
      case MediaDownload.NotFound n -> new Fetched.Unusable("media gone: " + n.reason());
      case MediaDownload.Failed f -> new Fetched.Unavailable(f.reason());
    };
  }
}
