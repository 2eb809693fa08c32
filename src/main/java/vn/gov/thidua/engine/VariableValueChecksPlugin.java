package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.PlainText;

/**
 * What a variable may hold, checked when it is written, whoever writes it (a form completed in Tasklist or through
 * /engine-rest, a start form, a delegate), and refused as the caller's mistake (400 through the REST API) so the
 * whole command is rolled back:
 * <ul>
 * <li>a string: no control character, the product API's text rule ({@link PlainText}), and no longer than the
 * engine's text column ({@value PlainStringSerializer#LONGEST} characters): a longer one passed every check and failed
 * the whole command with a 500 when the row was written;</li>
 * <li>a serialized object (the REST API's {@code "type": "Object"}): only if the engine can read it back. Camunda
 * stores such a value unread and checks its type only when reading, so a type off the allow list, once stored,
 * made every later read of the task's or instance's variables fail with a 500.</li>
 * </ul>
 */
@Component
class VariableValueChecksPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new PlainStringSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /** Object serializers (Spin's JSON one) come from other plugins; once every plugin has run, each is wrapped in place. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void postProcessEngineBuild(ProcessEngine engine) {
        VariableSerializers registry = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getVariableSerializers();
        for (TypedValueSerializer serializer : new ArrayList<>(registry.getSerializers())) {
            if (ValueType.OBJECT.equals(serializer.getType())) {
                int index = registry.getSerializerIndex(serializer);
                registry.removeSerializer(serializer);
                registry.addSerializer(new ReadableObjectSerializer(serializer), index);
            }
        }
    }

    /** Camunda's string serializer, which checks before it writes; reading is unchanged. */
    static final class PlainStringSerializer extends StringValueSerializer {

        /** The length of the engine's TEXT_ column of variables, on PostgreSQL and H2 alike. */
        static final int LONGEST = 4000;

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            String text = value.getValue();
            if (text != null && text.length() > LONGEST) {
                throw new BadUserRequestException("Trường '" + fields.getName() + "' dài quá " + LONGEST + " ký tự.");
            }
            int control = text == null ? -1 : PlainText.controlCharacter(text);
            if (control >= 0) {
                throw new BadUserRequestException(PlainText.controlMessage(fields.getName(), control));
            }
            super.writeValue(value, fields);
        }
    }

    /** Writes a serialized object as the wrapped serializer does, then reads it back once; what cannot be read is refused. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    record ReadableObjectSerializer(TypedValueSerializer delegate) implements TypedValueSerializer<TypedValue> {

        @Override
        public void writeValue(TypedValue value, ValueFields fields) {
            delegate.writeValue(value, fields);
            if (value instanceof ObjectValue object && !object.isDeserialized()) {
                try {
                    delegate.readValue(fields, true, false);
                } catch (RuntimeException unreadable) {
                    // the type name stays out of the message: it is the caller's text and may name any Java class
                    throw new BadUserRequestException("Biến '" + fields.getName() + "' có kiểu đối tượng không được phép hoặc"
                            + " nội dung không đọc được: chỉ gửi chuỗi, số, ngày, đúng/sai hoặc JSON.");
                }
            }
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public ValueType getType() {
            return delegate.getType();
        }

        @Override
        public TypedValue readValue(ValueFields fields, boolean deserialize, boolean isTransient) {
            return delegate.readValue(fields, deserialize, isTransient);
        }

        @Override
        public boolean canHandle(TypedValue value) {
            return delegate.canHandle(value);
        }

        @Override
        public TypedValue convertToTypedValue(UntypedValueImpl untyped) {
            return delegate.convertToTypedValue(untyped);
        }

        @Override
        public String getSerializationDataformat() {
            return delegate.getSerializationDataformat();
        }

        @Override
        public boolean isMutableValue(TypedValue value) {
            return delegate.isMutableValue(value);
        }
    }
}
