package jp.mynadesk.testsupport;

import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;

/** Reads a JUnit XML report as Jenkins' JUnit plugin does, strictly, and validates it against the JUnit 10 schema. */
public final class JUnitXml {
    private JUnitXml() {}

    /** A DOM of the file (throws on a character XML 1.0 cannot carry), validated against src/test/resources/junit-10.xsd. */
    public static Document parseAndValidate(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(xml.toFile());
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        sf.newSchema(new StreamSource(JUnitXml.class.getResourceAsStream("/junit-10.xsd"))).newValidator()
                .validate(new StreamSource(xml.toFile()));
        return doc;
    }

    /** The class Jenkins shows: the classname after its last dot (the dots before it are packages). */
    public static String jenkinsClass(String classname) {
        return classname.substring(classname.lastIndexOf('.') + 1);
    }
}
