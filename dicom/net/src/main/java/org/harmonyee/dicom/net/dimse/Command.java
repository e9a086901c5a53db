package org.harmonyee.dicom.net.dimse;

import org.harmonyee.dicom.data.Attributes;
import org.harmonyee.dicom.data.Tag;
import org.harmonyee.dicom.data.VR;

/**
 * A DIMSE command set (group 0000) with typed access to the fields every service uses. Requests
 * are built with the factory methods, responses with {@link #response(Command, int)}.
 */
public final class Command {

    /** Command Data Set Type (0000,0800) value meaning "no data set". */
    public static final int NO_DATA_SET = 0x0101;
    private static final int DATA_SET_PRESENT = 0x0000;

    private final Attributes attributes;

    public Command(Attributes attributes) {
        this.attributes = attributes;
    }

    private static Command request(int field, int messageId, String sopClassUid, boolean dataSet) {
        Attributes a = new Attributes();
        a.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        a.setInt(Tag.CommandField, VR.US, field);
        a.setInt(Tag.MessageID, VR.US, messageId);
        a.setInt(Tag.CommandDataSetType, VR.US, dataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        return new Command(a);
    }

    public static Command cEchoRQ(int messageId, String sopClassUid) {
        return request(CommandField.C_ECHO_RQ, messageId, sopClassUid, false);
    }

    public static Command cStoreRQ(int messageId, String sopClassUid, String sopInstanceUid, Priority priority) {
        Command command = request(CommandField.C_STORE_RQ, messageId, sopClassUid, true);
        command.attributes.setInt(Tag.Priority, VR.US, priority.code());
        command.attributes.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstanceUid);
        return command;
    }

    /** A C-FIND, C-GET or C-MOVE request, whose identifier follows as its data set. */
    public static Command queryRetrieveRQ(int field, int messageId, String sopClassUid, Priority priority) {
        Command command = request(field, messageId, sopClassUid, true);
        command.attributes.setInt(Tag.Priority, VR.US, priority.code());
        return command;
    }

    public static Command cCancelRQ(int messageIdBeingRespondedTo) {
        Attributes a = new Attributes();
        a.setInt(Tag.CommandField, VR.US, CommandField.C_CANCEL_RQ);
        a.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        a.setInt(Tag.CommandDataSetType, VR.US, NO_DATA_SET);
        return new Command(a);
    }

    /** The response to {@code request} with {@code status}, no data set. */
    public static Command response(Command request, int status) {
        Attributes a = new Attributes();
        String sopClass = request.affectedSopClassUid();
        if (sopClass != null) {
            a.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        }
        a.setInt(Tag.CommandField, VR.US, request.commandField() | 0x8000);
        a.setInt(Tag.MessageIDBeingRespondedTo, VR.US, request.messageId());
        a.setInt(Tag.CommandDataSetType, VR.US, NO_DATA_SET);
        a.setInt(Tag.Status, VR.US, status);
        String instance = request.attributes.getString(Tag.AffectedSOPInstanceUID);
        if (instance != null) {
            a.setString(Tag.AffectedSOPInstanceUID, VR.UI, instance);
        }
        return new Command(a);
    }

    public Attributes attributes() {
        return attributes;
    }

    public int commandField() {
        return attributes.getInt(Tag.CommandField, -1);
    }

    public int messageId() {
        return attributes.getInt(Tag.MessageID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return attributes.getInt(Tag.MessageIDBeingRespondedTo, -1);
    }

    public String affectedSopClassUid() {
        return attributes.getString(Tag.AffectedSOPClassUID);
    }

    public String affectedSopInstanceUid() {
        return attributes.getString(Tag.AffectedSOPInstanceUID);
    }

    public boolean hasDataSet() {
        return attributes.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    public void hasDataSet(boolean present) {
        attributes.setInt(Tag.CommandDataSetType, VR.US, present ? DATA_SET_PRESENT : NO_DATA_SET);
    }

    public int status() {
        return attributes.getInt(Tag.Status, -1);
    }

    public String errorComment() {
        return attributes.getString(Tag.ErrorComment);
    }

    /** Sets the ErrorComment (LO, at most 64 characters). */
    public Command errorComment(String comment) {
        if (comment != null && !comment.isEmpty()) {
            attributes.setString(Tag.ErrorComment, VR.LO, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        return this;
    }

    public Command setInt(int tag, int value) {
        attributes.setInt(tag, VR.US, value);
        return this;
    }

    public Command setString(int tag, VR vr, String value) {
        attributes.setString(tag, vr, value);
        return this;
    }

    public int getInt(int tag, int defaultValue) {
        return attributes.getInt(tag, defaultValue);
    }

    public String getString(int tag) {
        String value = attributes.getString(tag);
        return value == null ? null : value.strip();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(CommandField.name(commandField()));
        int id = CommandField.isResponse(commandField()) ? messageIdBeingRespondedTo() : messageId();
        text.append('[').append(id).append(']');
        if (attributes.contains(Tag.Status)) {
            text.append(" status ").append(Status.toString(status()));
        }
        return text.toString();
    }
}
