package nl.leefwereld.budget.internal;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.leefwereld.budget.Money;

/** The payment batch as a SEPA credit-transfer file (pain.001.001.03) and as a CSV, from the same transactions. */
final class PaymentFiles {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    record Transfer(String endToEndId, String creditorName, String creditorIban, long cents, String remittance) {}

    record Debtor(String name, String iban) {}

    private PaymentFiles() {
    }

    static long controlCents(List<Transfer> transfers) {
        return transfers.stream().mapToLong(Transfer::cents).sum();
    }

    static String pain001(String messageId, OffsetDateTime createdAt, LocalDate executionDate, Debtor debtor, List<Transfer> transfers) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrCdtTrfInitn");
            x.writeStartElement("GrpHdr");
            text(x, "MsgId", messageId);
            text(x, "CreDtTm", createdAt.withNano(0).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            text(x, "NbOfTxs", String.valueOf(transfers.size()));
            text(x, "CtrlSum", Money.plain(controlCents(transfers)));
            x.writeStartElement("InitgPty");
            text(x, "Nm", clip(debtor.name(), 70));
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("PmtInf");
            text(x, "PmtInfId", messageId);
            text(x, "PmtMtd", "TRF");
            text(x, "NbOfTxs", String.valueOf(transfers.size()));
            text(x, "CtrlSum", Money.plain(controlCents(transfers)));
            x.writeStartElement("PmtTpInf");
            x.writeStartElement("SvcLvl");
            text(x, "Cd", "SEPA");
            x.writeEndElement();
            x.writeEndElement();
            text(x, "ReqdExctnDt", executionDate.toString());
            x.writeStartElement("Dbtr");
            text(x, "Nm", clip(debtor.name(), 70));
            x.writeEndElement();
            x.writeStartElement("DbtrAcct");
            x.writeStartElement("Id");
            text(x, "IBAN", debtor.iban());
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("DbtrAgt");
            x.writeStartElement("FinInstnId");
            x.writeStartElement("Othr");
            text(x, "Id", "NOTPROVIDED");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            text(x, "ChrgBr", "SLEV");
            for (Transfer t : transfers) {
                x.writeStartElement("CdtTrfTxInf");
                x.writeStartElement("PmtId");
                text(x, "EndToEndId", t.endToEndId());
                x.writeEndElement();
                x.writeStartElement("Amt");
                x.writeStartElement("InstdAmt");
                x.writeAttribute("Ccy", "EUR");
                x.writeCharacters(Money.plain(t.cents()));
                x.writeEndElement();
                x.writeEndElement();
                x.writeStartElement("Cdtr");
                text(x, "Nm", clip(t.creditorName(), 70));
                x.writeEndElement();
                x.writeStartElement("CdtrAcct");
                x.writeStartElement("Id");
                text(x, "IBAN", t.creditorIban());
                x.writeEndElement();
                x.writeEndElement();
                x.writeStartElement("RmtInf");
                text(x, "Ustrd", clip(t.remittance(), 140));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("payment file could not be written", e);
        }
    }

    static String csv(List<Transfer> transfers) {
        StringBuilder b = new StringBuilder("kenmerk;begunstigde;iban;bedrag;omschrijving\r\n");
        for (Transfer t : transfers) {
            b.append(cell(t.endToEndId())).append(';').append(cell(t.creditorName())).append(';').append(cell(t.creditorIban())).append(';')
                    .append(Money.plain(t.cents()).replace('.', ',')).append(';').append(cell(t.remittance())).append("\r\n");
        }
        return b.toString();
    }

    /** Quoted; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String cell(String v) {
        String s = v == null ? "" : v.replace("\r", " ").replace("\n", " ");
        if (!s.isEmpty() && "=+-@\t".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** SEPA texts: at most n characters, no control characters. */
    private static String clip(String v, int n) {
        String s = v == null ? "" : v.replaceAll("\\p{Cntrl}", " ").strip();
        return s.length() <= n ? s : s.substring(0, n);
    }
}
