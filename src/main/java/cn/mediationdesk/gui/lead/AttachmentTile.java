package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.Attachment;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One attachment as the section shows it: its record, and its thumbnail once drawn. */
public final class AttachmentTile {
    /** Where the thumbnail stands: being drawn, drawn, not to be drawn (the type is shown instead), or damaged bytes. */
    public enum Picture { LOADING, SHOWN, NONE, DAMAGED }

    private final Attachment attachment;
    private final ObjectProperty<byte[]> thumbnail = new SimpleObjectProperty<>();
    private final ObjectProperty<Picture> picture = new SimpleObjectProperty<>(Picture.LOADING);

    AttachmentTile(Attachment attachment) {
        this.attachment = attachment;
    }

    public Attachment attachment() {
        return attachment;
    }

    /** A PNG at most {@link cn.mediationdesk.logic.attachment.Thumbnails#SIZE} pixels a side; null until drawn. */
    public ReadOnlyObjectProperty<byte[]> thumbnailProperty() {
        return thumbnail;
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture;
    }

    void show(byte[] png) {
        thumbnail.set(png);
        picture.set(png == null ? Picture.NONE : Picture.SHOWN);
    }

    void damaged() {
        thumbnail.set(null);
        picture.set(Picture.DAMAGED);
    }

    /** The same attachment with its thumbnail, when only its kind or note changed. */
    AttachmentTile describedAs(Attachment changed) {
        AttachmentTile tile = new AttachmentTile(changed);
        tile.thumbnail.set(thumbnail.get());
        tile.picture.set(picture.get());
        return tile;
    }
}
